package org.stargatekg.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Content negotiation in one place, for every path of the server: which of the media types a resource is offered in
 * best fits a request's Accept header, read whole (every Accept line, joined as HTTP says repeated headers are).
 * The header is split by a loop, not by Jena's recursive {@code AcceptList} parser (3,000 media types overflowed the
 * stack: issue 23), and holds at most {@link #MAX_MEDIA_RANGES} ranges (a longer one gets 400, see
 * {@link #tooMany}). Types compare case-insensitively, {@code q=0} means "not acceptable", and the most specific range
 * naming an offer sets its quality (RFC 9110, 12.5.1); among equals the client's order, then the server's, decides.
 */
public final class Negotiation {

    /** The most media ranges an Accept header may hold. */
    public static final int MAX_MEDIA_RANGES = 100;

    private Negotiation() {}

    /** One media range of an Accept header: type and subtype in lower case ({@code *} for a wildcard), its quality and place. */
    public record Range(String type, String subtype, double q, int position) {

        /** 2 for type/subtype, 1 for type/*, 0 for *&#47;*. */
        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }

        boolean matches(String offerType, String offerSubtype) {
            return (type.equals("*") || type.equals(offerType)) && (subtype.equals("*") || subtype.equals(offerSubtype));
        }
    }

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

    /** Whether a request's Accept header holds more than {@link #MAX_MEDIA_RANGES} ranges (answer 400). */
    public static boolean tooMany(HttpServletRequest req) {
        String accept = accept(req);
        if (accept == null)
            return false;
        int commas = 0;
        for (int i = 0; i < accept.length(); i++)
            if (accept.charAt(i) == ',' && ++commas >= MAX_MEDIA_RANGES)
                return parse(accept).size() > MAX_MEDIA_RANGES;
        return false;
    }

    /**
     * The media ranges of an Accept header, in order, at most one past {@link #MAX_MEDIA_RANGES}; a part that is not
     * a media range, or has a quality that is not a number from 0 to 1, is left out, as HTTP lets a server ignore it.
     */
    public static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        if (accept == null)
            return ranges;
        int start = 0;
        while (start <= accept.length() && ranges.size() <= MAX_MEDIA_RANGES) {
            int comma = accept.indexOf(',', start);
            int end = comma < 0 ? accept.length() : comma;
            Range r = range(accept.substring(start, end), ranges.size());
            if (r != null)
                ranges.add(r);
            start = end + 1;
        }
        return ranges;
    }

    private static Range range(String part, int position) {
        String[] pieces = part.split(";", -1);
        String name = pieces[0].strip().toLowerCase(Locale.ROOT);
        int slash = name.indexOf('/');
        if (slash <= 0 || slash == name.length() - 1 || name.indexOf('/', slash + 1) >= 0 || !token(name.substring(0, slash))
            || !token(name.substring(slash + 1)))
            return null;
        String type = name.substring(0, slash);
        String subtype = name.substring(slash + 1);
        if (type.equals("*") && !subtype.equals("*"))
            return null;
        double q = 1;
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].strip();
            if (p.length() > 1 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.substring(1).strip().startsWith("=")) {
                try {
                    q = Double.parseDouble(p.substring(p.indexOf('=') + 1).strip());
                } catch (NumberFormatException bad) {
                    q = 1; // As Jena read it: the type still counts, so "text/html;q=abc" alone is not acceptable at /sparql.
                }
                if (!(q >= 0 && q <= 1))
                    q = 1;
            }
        }
        return new Range(type, subtype, q, position);
    }

    private static boolean token(String s) {
        if (s.isEmpty())
            return false;
        for (int i = 0; i < s.length(); i++)
            if ("!#$%&'*+-.^_`|~".indexOf(s.charAt(i)) < 0 && !Character.isLetterOrDigit(s.charAt(i)))
                return false;
        return true;
    }

    /** The quality a list of ranges gives to a media type: that of the most specific range naming it, 0 if none does. */
    public static double quality(List<Range> ranges, String mediaType) {
        String[] t = split(mediaType);
        Range best = null;
        for (Range r : ranges)
            if (r.matches(t[0], t[1]) && (best == null || r.specificity() > best.specificity()))
                best = r;
        return best == null ? 0 : best.q();
    }

    private static String[] split(String mediaType) {
        String m = mediaType.toLowerCase(Locale.ROOT);
        int semi = m.indexOf(';');
        if (semi >= 0)
            m = m.substring(0, semi);
        int slash = m.indexOf('/');
        return new String[] {m.substring(0, slash).strip(), m.substring(slash + 1).strip()};
    }

    /**
     * The offered media type the request prefers, or null when it accepts none of them; a request without an Accept
     * header (or with one where nothing parses) gets {@code fallback} if that is offered, else the first offer.
     */
    public static String choose(HttpServletRequest req, List<String> offered, String fallback) {
        return choose(accept(req), offered, fallback);
    }

    /** As {@link #choose(HttpServletRequest, List, String)}, for an Accept header value. */
    public static String choose(String accept, List<String> offered, String fallback) {
        List<Range> ranges = parse(accept);
        if (ranges.isEmpty())
            return fallback != null && offered.contains(fallback) ? fallback : offered.get(0);
        String chosen = null;
        double bestQ = 0;
        int bestPlace = Integer.MAX_VALUE;
        for (String offer : offered) {
            String[] t = split(offer);
            Range named = null;
            for (Range r : ranges)
                if (r.matches(t[0], t[1]) && (named == null || r.specificity() > named.specificity()))
                    named = r;
            if (named == null || named.q() <= 0)
                continue;
            // The client's order among ranges of one quality: a type it names outright comes before one a wildcard covers.
            int place = named.specificity() == 2 ? named.position() : ranges.size() + (2 - named.specificity()) * (ranges.size() + 1) + named.position();
            if (named.q() > bestQ || (named.q() == bestQ && place < bestPlace)) {
                chosen = offer;
                bestQ = named.q();
                bestPlace = place;
            }
        }
        return chosen;
    }

    /**
     * An Accept header equivalent to the request's for these offers, naming each acceptable offer with the quality the
     * request gives it: what is handed to code that negotiates by itself (Fuseki, which among equals takes its own
     * first offer for the query form), so it never parses a client's header, honours {@code q=0} and reads types
     * case-insensitively. Null when the request has no usable Accept header.
     */
    public static String restated(String accept, List<String> offered) {
        List<Range> ranges = parse(accept);
        if (ranges.isEmpty())
            return null;
        StringBuilder sb = new StringBuilder();
        for (String type : offered) {
            double q = quality(ranges, type);
            if (q <= 0)
                continue;
            if (sb.length() > 0)
                sb.append(", ");
            sb.append(type).append(";q=").append(String.format(Locale.ROOT, "%.3f", q));
        }
        return sb.length() == 0 ? "application/x-none-acceptable" : sb.toString();
    }

    /** Whether a browser asks: HTML is named outright and preferred to every other offer. */
    public static boolean wantsHtml(HttpServletRequest req, List<String> otherOffers) {
        String accept = accept(req);
        if (accept == null || quality(parse(accept), "text/html") <= 0)
            return false;
        if (parse(accept).stream().noneMatch(r -> r.specificity() == 2 && r.type().equals("text") && r.subtype().equals("html")))
            return false;
        List<String> offers = new ArrayList<>();
        offers.add("text/html");
        offers.addAll(otherOffers);
        return "text/html".equals(choose(accept, offers, null));
    }
}
