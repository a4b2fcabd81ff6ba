package org.stargatekg.http;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.riot.web.HttpNames;

/**
 * Content negotiation for {@code /sparql}: a request whose Accept header names none of the types Fuseki answers queries
 * in gets 406 with the list, as pages do, instead of Fuseki's fallback to XML. The offers are Fuseki's own ({@link DEF}),
 * for every query form together, so one Accept header that serves all forms (the editor's, say) still works; a type
 * offered only for another form gets that form's default, as before.
 */
public final class QueryAccept {

    /** Media types for SELECT and ASK results, in Fuseki's order. */
    public static final List<String> RESULTS = types(DEF.rsOfferTable, DEF.rsOfferBoolean);

    /** Media types for CONSTRUCT and DESCRIBE results, in Fuseki's order. */
    public static final List<String> RDF = types(DEF.constructOffer, DEF.quadsOffer);

    /** Every type an answer to /sparql or /data comes in, for {@link RestatedAccept}. */
    public static final List<String> ALL = java.util.stream.Stream.concat(RESULTS.stream(), RDF.stream()).distinct().toList();

    private QueryAccept() {}

    /**
     * Whether Fuseki can answer the request in a type it accepts: true without an Accept header, with one where no
     * part parses (ignored, as HTTP allows), or with an {@code output}/{@code format}/{@code results} parameter, which
     * overrides the header.
     */
    public static boolean acceptable(HttpServletRequest req) {
        for (String p : List.of(HttpNames.paramOutput1, HttpNames.paramOutput2, HttpNames.paramOutput3))
            if (req.getParameter(p) != null && !req.getParameter(p).isBlank())
                return true;
        String accept = Negotiation.accept(req);
        if (Negotiation.parse(accept).isEmpty())
            return true;
        return Negotiation.choose(accept, ALL, null) != null;
    }

    /** Answers 406 with the types on offer for each query form. */
    public static void refuse(HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        Responses.text(resp, HttpServletResponse.SC_NOT_ACCEPTABLE, "406 Not Acceptable: SELECT and ASK results are available as "
                       + String.join(", ", RESULTS) + "; CONSTRUCT and DESCRIBE results as " + String.join(", ", RDF)
                       + ". A format parameter (json, xml, csv, tsv, text; ttl, nt, json-ld, trig, n-quads) overrides the Accept header.\n");
    }

    private static List<String> types(AcceptList... offers) {
        Set<String> out = new LinkedHashSet<>();
        for (AcceptList offer : offers)
            for (MediaRange m : offer.entries())
                out.add(m.getContentTypeStr());
        return List.copyOf(out);
    }
}
