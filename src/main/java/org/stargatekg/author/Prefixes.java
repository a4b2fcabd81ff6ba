package org.stargatekg.author;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;

/** The prefixes the folder's files declare, to write its Turtle and to show short names on the page. */
final class Prefixes {

    private final PrefixMap map;

    Prefixes(PrefixMap map) {
        this.map = PrefixMapFactory.create(map);
    }

    PrefixMap map() {
        return map;
    }

    /** The term as a prefixed name where a prefix fits, else its full IRI. */
    String shorten(Node n) {
        if (!n.isURI())
            return n.toString();
        String s = map.abbreviate(n.getURI());
        return s != null ? s : n.getURI();
    }

    /** A prefixed name or full IRI made a node. */
    Node expand(String s) {
        if (s.startsWith("http://") || s.startsWith("https://"))
            return org.apache.jena.graph.NodeFactory.createURI(s);
        String full = map.expand(s);
        if (full == null)
            throw new IllegalArgumentException("Unknown prefix in '" + s + "'");
        return org.apache.jena.graph.NodeFactory.createURI(full);
    }
}
