/** SHACL constraints replaced for speed with the same reports as Jena SHACL. */
package org.stargatekg.engine.shacl;
