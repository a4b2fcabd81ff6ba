package org.stargatekg.web;

import org.stargatekg.http.Responses;

import org.stargatekg.http.Negotiation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.stargatekg.search.SearchHit;
import org.stargatekg.search.SearchIndex;
import org.stargatekg.search.SearchTooSlowException;
import org.stargatekg.search.TextSearch;

/**
 * {@code GET /search?q=…}: ranked hits from the full-text index as an HTML page, or as JSON for
 * {@code Accept: application/json} or {@code format=json}; an empty or malformed query is a 400 with a message.
 */
public final class SearchServlet extends HttpServlet {

    /** Hits returned when the request gives no limit. */
    static final int DEFAULT_LIMIT = 20;

    private final transient TextSearch index;
    private final transient Templates templates;
    private final transient Site site;

    /** A servlet over a built index, or a search that asks an external store, with the site's pages around it. */
    public SearchServlet(TextSearch index, Site site) {
        this.index = index;
        this.site = site;
        this.templates = new Templates(site);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean json = wantsJson(req);
        String q = req.getParameter("q");
        String query = q == null ? "" : q.strip();
        if (query.isEmpty()) {
            fail(resp, json, "", "Give something to search for: /search?q=words");
            return;
        }
        int limit;
        try {
            String l = req.getParameter("limit");
            limit = l == null ? DEFAULT_LIMIT : Integer.parseInt(l);
        } catch (NumberFormatException ex) {
            fail(resp, json, query, "limit must be a whole number between 1 and " + SearchIndex.MAX_LIMIT);
            return;
        }
        List<SearchHit> hits;
        try {
            hits = index.search(query, limit);
        } catch (IllegalArgumentException ex) {
            fail(resp, json, query, "Cannot search for this: " + ex.getMessage());
            return;
        } catch (SearchTooSlowException ex) {
            resp.setHeader("Retry-After", "5");
            send(resp, 503, "text/plain", "Search too slow: " + ex.getMessage() + "\n");
            return;
        }
        if (json)
            send(resp, 200, "application/json", JSON.toString(toJson(query, hits)));
        else
            send(resp, 200, "text/html", templates.render("search.jte", Map.of("query", query, "hits", hits, "jsonHref",
                    "/search?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8) + "&format=json", "href", href())));
    }

    private java.util.function.Function<String, String> href() {
        return site.addresses()::href;
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }

    private static boolean wantsJson(HttpServletRequest req) {
        if ("json".equals(req.getParameter("format")))
            return true;
        String accept = Negotiation.accept(req);
        return accept != null && "application/json".equals(Negotiation.choose(accept, List.of("text/html", "application/json"), null));
    }

    private void fail(HttpServletResponse resp, boolean json, String query, String message) throws IOException {
        if (json) {
            JsonObject body = new JsonObject();
            body.put("error", message);
            send(resp, 400, "application/json", JSON.toString(body));
        } else {
            send(resp, 400, "text/html", templates.render("search.jte", Map.of("query", query, "hits", List.of(), "error", message, "href", href())));
        }
    }

    private static JsonObject toJson(String query, List<SearchHit> hits) {
        JsonObject body = new JsonObject();
        body.put("query", query);
        JsonArray array = new JsonArray();
        for (SearchHit h : hits) {
            JsonObject o = new JsonObject();
            o.put("iri", h.iri());
            o.put("label", h.label());
            JsonArray types = new JsonArray();
            h.types().forEach(types::add);
            o.put("types", types);
            o.put("score", org.apache.jena.atlas.json.JsonNumber.value((double) h.score()));
            if (h.property() != null)
                o.put("property", h.property());
            o.put("snippet", h.snippet().text());
            array.add(o);
        }
        body.put("hits", array);
        return body;
    }

    private static void send(HttpServletResponse resp, int status, String type, String text) throws IOException {
        resp.setHeader("Vary", "Accept");
        Responses.send(resp, status, type + "; charset=utf-8", text);
    }
}
