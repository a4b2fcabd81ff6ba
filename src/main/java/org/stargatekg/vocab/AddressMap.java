package org.stargatekg.vocab;

import java.util.Objects;
import java.util.function.Supplier;

import org.stargatekg.vocab.Namespaces;
import org.stargatekg.vocab.SG;

/**
 * Maps the addresses a server answers on onto the graph's permanent IRIs and back, as Pubby and LodView map a web
 * base onto an IRI namespace. {@code GET /id/elon-musk} describes {@code <https://w3id.org/stargate-kg/id/elon-musk>},
 * {@code /ontology/Statement} is {@code sg:Statement}; pages link to local paths so a person can browse, while RDF keeps
 * the permanent IRIs. The only place that knows the server's public address.
 * <pre>{@code
 * AddressMap map = new AddressMap(Namespaces.standard(), () -> "http://localhost:3030/");
 * map.iri("/id/elon-musk");                                   // https://w3id.org/stargate-kg/id/elon-musk
 * map.path("https://w3id.org/stargate-kg/ontology/speaker");  // /ontology/speaker
 * map.address("/sparql");                                     // http://localhost:3030/sparql
 * }</pre>
 */
public final class AddressMap {

    private static final String ONTOLOGY_PATH = "/ontology";

    private final Namespaces namespaces;
    private final String ontology = SG.ONTOLOGY.getURI();
    private final Supplier<String> publicBase;

    /** A map for data under {@code namespaces}, reached by people at {@code publicBase} (an http(s) URL ending in "/"). */
    public AddressMap(Namespaces namespaces, Supplier<String> publicBase) {
        this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
        this.publicBase = Objects.requireNonNull(publicBase, "publicBase");
    }

    /** The dataset's namespaces. */
    public Namespaces namespaces() {
        return namespaces;
    }

    /** The permanent IRI a local path (starting with "/", as in the request line) names. */
    public String iri(String path) {
        if (!path.startsWith("/"))
            throw new IllegalArgumentException("not a path: " + path);
        if (path.equals(ONTOLOGY_PATH) || path.startsWith(ONTOLOGY_PATH + "/"))
            return ontology + path.substring(ONTOLOGY_PATH.length());
        return namespaces.namespace() + path.substring(1);
    }

    /** The local path of one of our permanent IRIs, or null when the IRI is not ours. */
    public String path(String iri) {
        if (iri.equals(ontology) || iri.startsWith(ontology + "/"))
            return ONTOLOGY_PATH + iri.substring(ontology.length());
        if (iri.startsWith(namespaces.namespace()))
            return "/" + iri.substring(namespaces.namespace().length());
        return null;
    }

    /** Whether an IRI is one of ours: it has a local path here. */
    public boolean isLocal(String iri) {
        return path(iri) != null;
    }

    /** Where a page links an IRI: its local path when it is ours, the IRI itself otherwise. */
    public String href(String iri) {
        String path = path(iri);
        return path != null ? path : iri;
    }

    /** The absolute address of a local path under the server's public base URL (for descriptions read elsewhere). */
    public String address(String path) {
        if (!path.startsWith("/"))
            throw new IllegalArgumentException("not a path: " + path);
        return publicBase.get() + path.substring(1);
    }

    /** The public base URL people reach the server at, ending in "/". */
    public String publicBase() {
        return publicBase.get();
    }
}
