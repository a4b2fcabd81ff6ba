package org.stargatekg.http;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * Content negotiation in one place: which of the media types a resource is offered in best fits a request's Accept
 * header, read whole (every Accept line, joined as HTTP says repeated headers are), by Jena's {@link AcceptList}
 * matching (quality values, wildcards, specificity).
 */
public final class Negotiation {

    private Negotiation() {}

    /** The Accept header of a request: all its lines joined with commas, or null when there is none. */
    public static String accept(HttpServletRequest req) {
        var lines = req.getHeaders("Accept");
        if (lines == null || !lines.hasMoreElements())
            return null;
        StringBuilder sb = new StringBuilder();
        while (lines.hasMoreElements()) {
            String line = lines.nextElement();
            if (line == null || line.isBlank())
                continue;
            if (sb.length() > 0)
                sb.append(", ");
            sb.append(line.strip());
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /**
     * The offered media type the request prefers, or null when it accepts none of them (or its Accept header does not
     * parse); a request without an Accept header gets {@code fallback} if that is offered, else the first offer.
     */
    public static String choose(HttpServletRequest req, List<String> offered, String fallback) {
        return choose(accept(req), offered, fallback);
    }

    /** As {@link #choose(HttpServletRequest, List, String)}, for an Accept header value. */
    public static String choose(String accept, List<String> offered, String fallback) {
        if (accept == null || accept.isBlank())
            return fallback != null && offered.contains(fallback) ? fallback : offered.get(0);
        AcceptList wanted;
        try {
            wanted = new AcceptList(accept);
        } catch (RuntimeException ex) {
            return null;
        }
        MediaType match = AcceptList.match(wanted, AcceptList.create(offered.toArray(String[]::new)));
        if (match == null)
            return null;
        String type = match.getContentTypeStr();
        return offered.contains(type) ? type : null;
    }

    /** Whether a browser asks: HTML is named outright and preferred to every other offer. */
    public static boolean wantsHtml(HttpServletRequest req, List<String> otherOffers) {
        String accept = accept(req);
        if (accept == null || !accept.contains("text/html"))
            return false;
        List<String> offers = new java.util.ArrayList<>();
        offers.add("text/html");
        offers.addAll(otherOffers);
        return "text/html".equals(choose(accept, offers, null));
    }
}
