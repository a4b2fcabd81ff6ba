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
import org.stargatekg.search.SearchResults;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
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
        int page;
        try {
            String given = req.getParameter("page");
            page = given == null ? 1 : Integer.parseInt(given);
            if (page < 1)
                throw new NumberFormatException();
        } catch (NumberFormatException ex) {
            fail(resp, json, query, "page must be a whole number, 1 or more");
            return;
        }
        if (limit < 1 || limit > SearchIndex.MAX_LIMIT) {
            fail(resp, json, query, "limit must be a whole number between 1 and " + SearchIndex.MAX_LIMIT);
            return;
        }
        SearchResults results;
        String fuzzy = null;
        try {
            results = index.page(query, (page - 1) * limit, limit);
            String near = Fuzzy.of(query);
            if (results.total() == 0 && near != null) {
                try {
                    SearchResults close = index.page(near, (page - 1) * limit, limit);
                    if (close.total() > 0) {
                        results = close;
                        fuzzy = near;
                    }
                } catch (IllegalArgumentException notHere) {
                    // A store that cannot run fuzzy terms: the exact answer (nothing) stands.
                }
            }
        } catch (IllegalArgumentException ex) {
            fail(resp, json, query, "Cannot search for this: " + ex.getMessage());
            return;
        } catch (SearchTooSlowException ex) {
            resp.setHeader("Retry-After", "5");
            send(resp, 503, "text/plain", "Search too slow: " + ex.getMessage() + "\n");
            return;
        }
        List<SearchHit> hits = results.hits();
        if (json) {
            JsonObject body = toJson(query, hits);
            body.put("total", results.total());
            body.put("page", page);
            body.put("pageSize", limit);
            if (fuzzy != null)
                body.put("fuzzy", fuzzy);
            send(resp, 200, "application/json", JSON.toString(body));
            return;
        }
        String encoded = java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
        String limitPart = limit == DEFAULT_LIMIT ? "" : "&limit=" + limit;
        int pages = (results.total() + limit - 1) / limit;
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("query", query);
        model.put("hits", hits);
        model.put("views", views(hits, fuzzy != null ? Fuzzy.words(query) : List.of()));
        model.put("total", results.total());
        model.put("first", (page - 1) * limit + 1);
        model.put("previousHref", page > 1 ? "/search?q=" + encoded + limitPart + "&page=" + (page - 1) : null);
        model.put("nextHref", page < pages ? "/search?q=" + encoded + limitPart + "&page=" + (page + 1) : null);
        model.put("fuzzy", fuzzy != null);
        model.put("suggestion", fuzzy == null ? null : suggestion(query, hits));
        model.put("jsonHref", "/search?q=" + encoded + limitPart + (page > 1 ? "&page=" + page : "") + "&format=json");
        model.put("href", href());
        send(resp, 200, "text/html", templates.render("search.jte", model));
    }

    /** Each hit with its local address and its types as class labels: our ontology's, most specific, each once. */
    private List<HitView> views(List<SearchHit> hits, List<String> misspelt) {
        return Txn.calculateRead(site.dataset(), () -> {
            Labels labels = site.labels();
            var g = site.union();
            List<HitView> out = new java.util.ArrayList<>();
            for (SearchHit h : hits) {
                List<Node> types = h.types().stream().map(NodeFactory::createURI).toList();
                List<Node> ours = types.stream().filter(t -> t.getURI().startsWith(site.namespaces().ontology())).toList();
                List<Node> shown = ours.isEmpty() ? types : ours;
                List<Node> specific = shown.stream()
                        .filter(t -> shown.stream().noneMatch(o -> !o.equals(t) && g.contains(o, Terms.SUBCLASS, t))).toList();
                List<String> names = specific.stream().map(labels::label).distinct().sorted().toList();
                out.add(new HitView(h, site.addresses().href(h.iri()), names));
            }
            return out;
        });
    }

    /** A corrected search: each word replaced by the closest word of the best hit's label, when one is close. */
    static String suggestion(String query, List<SearchHit> hits) {
        if (hits.isEmpty())
            return null;
        String[] labelWords = hits.get(0).label().split("[^\\p{L}\\p{N}']+");
        List<String> out = new java.util.ArrayList<>();
        boolean changed = false;
        for (String word : Fuzzy.words(query)) {
            String best = word;
            int bestDistance = Integer.MAX_VALUE;
            for (String candidate : labelWords) {
                int d = Fuzzy.distance(word.toLowerCase(), candidate.toLowerCase());
                if (!candidate.isEmpty() && d < bestDistance && d <= 2) {
                    best = candidate;
                    bestDistance = d;
                }
            }
            changed |= !best.equals(word);
            out.add(best);
        }
        return changed ? String.join(" ", out) : null;
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
