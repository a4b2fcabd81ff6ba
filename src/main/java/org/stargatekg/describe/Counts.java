package org.stargatekg.describe;

/** The VoID counts of a dataset or one of its graphs: triples, distinct subjects (entities), classes and properties. */
public record Counts(long triples, long entities, long classes, long properties) {
}
