/** Vocabulary constants: the standard namespaces the Java code names, and the project's own namespaces derived from the public base IRI. */
package org.stargatekg.vocab;
