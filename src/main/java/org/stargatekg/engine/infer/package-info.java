/** Materialization of the ontology entailments the loader adds, equivalent to Jena rules on the same data. */
package org.stargatekg.engine.infer;
