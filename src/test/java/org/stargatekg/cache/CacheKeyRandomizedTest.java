package org.stargatekg.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stargatekg.support.RunningServer;

/**
 * A cached answer is always the answer the request would get afresh (issue 15, finding 4: the key held the first
 * Accept line only, so {@code -H 'Accept: text/csv' -H 'Accept: application/sparql-results+json'} stored JSON that
 * plain CSV clients then got). Seeded random requests, with repeated and conflicting Accept and Origin lines, go to a
 * server with the cache (where earlier requests may have filled it) and to one without, loaded alike; every status,
 * content type, CORS header and body must match.
 */
class CacheKeyRandomizedTest {

    private static final long SEED = 15;
    private static final int REQUESTS = 400;

    private static final String CSV = "text/csv";
    private static final String JSON = "application/sparql-results+json";
    private static final List<String> MEDIA = List.of(CSV, JSON, "application/sparql-results+xml", "text/tab-separated-values",
            "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml", "application/trig",
            "text/html", "application/json", "text/plain", "*/*", "text/*", "application/*", "foo/bar", "",
            "text/csv;q=0.1, application/sparql-results+json;q=0.9", "application/ld+json;q=0.5, text/turtle;q=0.4",
            "text/html;q=0, */*;q=0.1");
    private static final List<String> ORIGINS = List.of("https://a.example", "https://b.example", "null");

    private static RunningServer cached;
    private static RunningServer fresh;

    @BeforeAll
    static void start() {
        cached = RunningServer.startWith(b -> b);
        fresh = RunningServer.startWith(b -> b.responseCache(false));
    }

    @AfterAll
    static void stop() {
        cached.close();
        fresh.close();
    }

    /** Paths and queries few enough that the same one comes back many times with other headers. */
    private static List<Target> targets(String base) {
        String select = "SELECT ?s ?l { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?s LIMIT 5";
        String construct = "CONSTRUCT { ?s ?p ?o } { ?s ?p ?o FILTER(?s = <" + base + "id/elon-musk>) }";
        return List.of(
                Target.get("/sparql?query=" + RunningServer.encode(select)),
                Target.get("/sparql?query=" + RunningServer.encode("ASK { ?s ?p ?o }")),
                Target.get("/sparql?query=" + RunningServer.encode(construct)),
                Target.get("/sparql?query=" + RunningServer.encode("DESCRIBE <" + base + "id/sam-altman>")),
                Target.get("/sparql?query=" + RunningServer.encode(select) + "&format=json"),
                Target.post("/sparql", "application/x-www-form-urlencoded", "query=" + RunningServer.encode(select)),
                Target.post("/sparql", "application/sparql-query", select),
                Target.post("/sparql", "application/sparql-query", construct),
                Target.get("/sparql"),
                Target.get("/id/elon-musk"),
                Target.get("/ontology/Statement"),
                Target.get("/.well-known/void"),
                Target.get("/search?q=money"),
                Target.get("/"));
    }

    @Test
    void cached_answers_equal_fresh_ones_whatever_the_headers() {
        List<Target> targets = targets(cached.base());
        Random random = new Random(SEED);
        List<String> differences = new ArrayList<>();
        int hits = 0;
        // The reported poisoning first, then random requests.
        List<Request> requests = new ArrayList<>();
        requests.add(new Request(targets.get(0), List.of(CSV, JSON), List.of()));
        requests.add(new Request(targets.get(0), List.of(CSV), List.of()));
        requests.add(new Request(targets.get(2), List.of("text/turtle", "application/ld+json"), List.of()));
        requests.add(new Request(targets.get(2), List.of("application/ld+json"), List.of()));
        for (int i = 0; i < REQUESTS; i++) {
            List<String> accept = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--)
                accept.add(MEDIA.get(random.nextInt(MEDIA.size())));
            List<String> origin = new ArrayList<>();
            for (int n = random.nextInt(3) == 0 ? random.nextInt(3) : 0; n > 0; n--)
                origin.add(ORIGINS.get(random.nextInt(ORIGINS.size())));
            requests.add(new Request(targets.get(random.nextInt(targets.size())), accept, origin));
        }
        for (Request r : requests) {
            long before = cached.cache().size();
            HttpResponse<String> fromCache = cached.send(r.build(cached));
            HttpResponse<String> afresh = fresh.send(r.build(fresh));
            if (cached.cache().size() == before && fromCache.statusCode() == 200)
                hits++;
            // The two servers listen on two ports, which the self-descriptions (VoID, service description) name.
            String a = describe(fromCache).replace(cached.address("/"), "ADDRESS/");
            String b = describe(afresh).replace(fresh.address("/"), "ADDRESS/");
            if (!a.equals(b))
                differences.add(r + "\n  cached: " + a.substring(0, Math.min(300, a.length())) + "\n  fresh:  " + b.substring(0, Math.min(300, b.length())));
        }
        System.out.println(requests.size() + " requests (seed " + SEED + "), " + hits + " answered from the cache, " + differences.size() + " differences");
        assertTrue(hits > 50, "too few cache hits to test anything: " + hits);
        assertEquals(List.of(), differences, () -> String.join("\n", differences));
    }

    private static String describe(HttpResponse<String> r) {
        return r.statusCode() + " | " + r.headers().firstValue("Content-Type").orElse("-") + " | "
               + r.headers().firstValue("Access-Control-Allow-Origin").orElse("-") + " | " + r.body();
    }

    private record Target(String method, String path, String contentType, String body) {
        static Target get(String path) {
            return new Target("GET", path, null, null);
        }

        static Target post(String path, String type, String body) {
            return new Target("POST", path, type, body);
        }
    }

    private record Request(Target target, List<String> accept, List<String> origin) {
        HttpRequest build(RunningServer server) {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(target.path()));
            accept.forEach(a -> b.header("Accept", a));
            origin.forEach(o -> b.header("Origin", o));
            if (target.body() == null)
                return b.GET().build();
            return b.header("Content-Type", target.contentType()).POST(HttpRequest.BodyPublishers.ofString(target.body())).build();
        }

        @Override
        public String toString() {
            return target.method() + " " + target.path() + " Accept" + accept + " Origin" + origin;
        }
    }
}
