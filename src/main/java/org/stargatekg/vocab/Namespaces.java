package org.stargatekg.vocab;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The project's own namespaces, all derived from the public base IRI the server answers on.
 * <p>
 * The Turtle files only use relative IRIs ({@code <ontology/>}, {@code <id/>}); this class is the one place
 * in Java that knows how they resolve: {@code new Namespaces("http://localhost:3030/").ontology()} is
 * {@code http://localhost:3030/ontology/}.
 */
public final class Namespaces {

    private final String base;

    /** Creates the namespaces for a base IRI that {@link #checkBase} accepts. */
    public Namespaces(String base) {
        this.base = checkBase(base);
    }

    /**
     * Returns the base unchanged if it is an absolute http(s) IRI with a host, no query or fragment, ending in "/",
     * and throws {@link IllegalArgumentException} saying what is wrong otherwise.
     */
    public static String checkBase(String base) {
        Objects.requireNonNull(base, "base");
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException("base URL is not a valid IRI: " + ex.getMessage());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")))
            throw new IllegalArgumentException("base URL must be an absolute http or https IRI: " + base);
        if (uri.getHost() == null)
            throw new IllegalArgumentException("base URL must name a host: " + base);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null)
            throw new IllegalArgumentException("base URL must not have a query or fragment: " + base);
        if (!base.endsWith("/"))
            throw new IllegalArgumentException("base URL must end with '/': " + base);
        return base;
    }

    /** The base IRI, ending in "/". */
    public String base() {
        return base;
    }

    /** The ontology namespace: base + "ontology/". */
    public String ontology() {
        return base + "ontology/";
    }

    /** The instance namespace: base + "id/". */
    public String instances() {
        return base + "id/";
    }

    /** The name of the named graph that holds one article folder. */
    public Node articleGraph(String folderName) {
        return graph(folderName);
    }

    /** The name of the named graph that holds an article folder's outside enrichment (links and facts from other sources). */
    public Node externalGraph(String folderName) {
        return graph(folderName + "/external");
    }

    /** The name of the named graph that holds the ontology. */
    public Node ontologyGraph() {
        return graph("ontology");
    }

    /** The name of the named graph that holds the materialized inferences. */
    public Node inferredGraph() {
        return graph("inferred");
    }

    private Node graph(String localName) {
        return NodeFactory.createURI(base + "graph/" + localName);
    }

    @Override
    public String toString() {
        return base;
    }
}
