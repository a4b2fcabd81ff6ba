package org.stargatekg.vocab;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * A dataset's own namespace: where its instances ({@code id/}), evidence passages ({@code evidence/}) and named graphs
 * ({@code graph/}) live. It is fixed where the data is written (the Turtle files name it in their prefixes) and never
 * derived from the address a server listens on; the ontology's namespace is {@link SG#NS} whatever the dataset's.
 * <pre>{@code
 * Namespaces ns = Namespaces.standard();   // https://w3id.org/stargate-kg/
 * ns.instances();                          // https://w3id.org/stargate-kg/id/
 * }</pre>
 */
public final class Namespaces {

    /** The namespace of the data this project publishes. */
    public static final String STANDARD = "https://w3id.org/stargate-kg/";

    private final String namespace;

    /** The namespaces under a dataset namespace that {@link #check} accepts. */
    public Namespaces(String namespace) {
        this.namespace = check(namespace, "dataset namespace");
    }

    /** The namespaces of the data this project publishes, under {@value #STANDARD}. */
    public static Namespaces standard() {
        return new Namespaces(STANDARD);
    }

    /**
     * Returns the IRI unchanged if it is an absolute http(s) IRI with a host, no query or fragment, ending in "/",
     * and throws {@link IllegalArgumentException} saying what is wrong with the named {@code what} otherwise.
     */
    public static String check(String iri, String what) {
        Objects.requireNonNull(iri, what);
        URI uri;
        try {
            uri = new URI(iri);
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException(what + " is not a valid IRI: " + ex.getMessage());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")))
            throw new IllegalArgumentException(what + " must be an absolute http or https IRI: " + iri);
        if (uri.getHost() == null)
            throw new IllegalArgumentException(what + " must name a host: " + iri);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null)
            throw new IllegalArgumentException(what + " must not have a query or fragment: " + iri);
        if (!iri.endsWith("/"))
            throw new IllegalArgumentException(what + " must end with '/': " + iri);
        return iri;
    }

    /** The dataset namespace, ending in "/". */
    public String namespace() {
        return namespace;
    }

    /** The ontology namespace, {@link SG#NS}: the same for every dataset. */
    public String ontology() {
        return SG.NS;
    }

    /** The instance namespace: namespace + "id/". */
    public String instances() {
        return namespace + "id/";
    }

    /** The evidence passage namespace: namespace + "evidence/". */
    public String evidence() {
        return namespace + "evidence/";
    }

    /** The prefix of every named graph's IRI: namespace + "graph/". */
    public String graphs() {
        return namespace + "graph/";
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
        return NodeFactory.createURI(graphs() + localName);
    }

    @Override
    public String toString() {
        return namespace;
    }
}
