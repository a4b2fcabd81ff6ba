package org.stargatekg.web;

import java.util.List;

/**
 * The SPARQL editor's page: the prefixes a query starts with, the examples, the initial query, what the editor
 * completes (as JSON), and the functions beyond SPARQL 1.1 by namespace.
 */
public record EditorPage(String prefixes, List<Examples.Example> examples, String initial, String completions,
                         List<FunctionGroup> functionGroups) {

    /** The functions of one namespace; prefix null where none is known. */
    public record FunctionGroup(String prefix, String namespace, List<Function> functions) {}

    /** One function or property function: its prefixed name (or IRI in brackets) and IRI. */
    public record Function(String name, String iri, boolean property) {}
}
