/** Loading the ontology and article folders into one dataset: parse, check evidence offsets, materialize inferences, validate with SHACL. */
package org.stargatekg.load;
