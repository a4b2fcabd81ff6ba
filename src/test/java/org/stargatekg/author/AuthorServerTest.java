package org.stargatekg.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stargatekg.support.CliRun;
import org.stargatekg.vocab.Namespaces;

/** The authoring server over HTTP, started once on a drafted folder: token, CSRF, where it writes, versions, stable output. */
class AuthorServerTest {

    private static Path dir;
    private static AuthorServer server;
    private static String token;
    private static String csrf;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dir = AuthorFolders.draft();
        server = AuthorServer.start(dir, List.of(AuthorFolders.moonWidgets()), Namespaces.standard(), 0);
        token = server.url().substring(server.url().indexOf("token=") + 6);
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([0-9a-f]+)\"").matcher(get("/", true).body());
        assertTrue(m.find(), "the page holds its CSRF token");
        csrf = m.group(1);
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> get(String path, boolean withCookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (withCookie)
            b.header("Cookie", "sg_author=" + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String op, String body, String csrfHeader, Long base) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/" + op)).POST(HttpRequest.BodyPublishers.ofString(body))
                                           .header("Cookie", "sg_author=" + token).header("Content-Type", "application/json");
        if (csrfHeader != null)
            b.header("X-CSRF-Token", csrfHeader);
        if (base != null)
            b.header("X-Base-Version", Long.toString(base));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject state() throws IOException, InterruptedException {
        return JSON.parse(get("/api/state", true).body());
    }

    private static long version() throws IOException, InterruptedException {
        return state().get("version").getAsNumber().value().longValue();
    }

    /** The IRI of the first proposal of a kind that is not reviewed yet. */
    private static String pending(String kind, int skip) throws IOException, InterruptedException {
        int seen = 0;
        for (JsonValue v : state().get("proposals").getAsArray()) {
            JsonObject p = v.getAsObject();
            if (p.get("kind").getAsString().value().equals(kind) && p.get("status").getAsString().value().equals("not reviewed")
                && seen++ == skip)
                return p.get("id").getAsString().value();
        }
        throw new AssertionError("no " + kind + " left to review");
    }

    @Test
    void every_route_answers_403_without_the_token() throws Exception {
        for (String path : List.of("/", "/api/state", "/api/search?q=a", "/api/form?class=sg:Lawsuit", "/api/classes",
                                   "/static/author.js", "/static/author.css", "/no-such-page", "/?token=0123456789abcdef0123456789abcdef")) {
            HttpResponse<String> r = get(path, false);
            assertEquals(403, r.statusCode(), () -> "GET " + path + " without the token answered " + r.statusCode() + ": " + r.body());
        }
        for (String op : List.of("accept", "reject", "set", "link", "merge", "entity", "create", "undo", "redo")) {
            HttpRequest req = HttpRequest.newBuilder(uri("/api/" + op)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                                         .header("X-CSRF-Token", csrf).header("X-Base-Version", "0").build();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), () -> "POST " + op + " without the token answered " + r.statusCode());
        }
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(uri("/api/state")).header("Cookie", "sg_author=" + "0".repeat(32)).build(),
                                               HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode(), "a wrong cookie is refused");
    }

    @Test
    void the_printed_token_sets_an_http_only_strict_cookie() throws Exception {
        HttpResponse<String> r = get("/?token=" + token, false);
        assertEquals(303, r.statusCode(), "the address with the token sends the browser on to / (the token leaves the address bar)");
        String cookie = r.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("sg_author=" + token) && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
                   "cookie: " + cookie);
        assertEquals(200, get("/", true).statusCode());
        assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
        assertEquals(32, token.length(), "128 bits in hex");
    }

    @Test
    void a_change_without_the_csrf_header_is_refused() throws Exception {
        Map<String, String> before = AuthorFolders.files(dir);
        String id = pending("person", 0);
        long v = version();
        HttpResponse<String> none = post("accept", "{\"id\":\"" + id + "\"}", null, v);
        HttpResponse<String> wrong = post("accept", "{\"id\":\"" + id + "\"}", "0".repeat(32), v);
        assertEquals(403, none.statusCode(), none.body());
        assertEquals(403, wrong.statusCode(), wrong.body());
        assertEquals(before, AuthorFolders.files(dir), "nothing was written");
    }

    @Test
    void writes_outside_the_folder_are_refused() throws Exception {
        Map<String, String> before = AuthorFolders.files(dir);
        Path outside = dir.getParent().resolve("evil.ttl");
        for (String file : List.of("../evil.ttl", "article.txt", outside.toAbsolutePath().toString(), "sub/evil.ttl", ".hidden.ttl", "evil.ttl/..")) {
            JsonObject o = new JsonObject();
            o.put("begin", 0);
            o.put("end", 10);
            o.put("class", "sg:Lawsuit");
            o.put("file", file);
            String body = o.toString();
            HttpResponse<String> r = post("create", body, csrf, version());
            assertEquals(400, r.statusCode(), () -> "file " + file + " answered " + r.statusCode() + ": " + r.body());
        }
        assertFalse(Files.exists(outside), "nothing written beside the folder");
        assertFalse(Files.exists(dir.resolve("sub")));
        assertEquals(before, AuthorFolders.files(dir), "the folder is unchanged");
        FolderFiles files = new FolderFiles(dir);
        Path link = dir.resolve("linked.ttl");
        Files.createSymbolicLink(link, outside);
        try {
            assertThrows(IllegalArgumentException.class, () -> files.turtleFile("linked.ttl"), "a link out of the folder is not written through");
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void a_second_client_on_the_same_version_gets_409() throws Exception {
        long v = version();
        String first = pending("organization", 0);
        String second = pending("organization", 1);
        HttpResponse<String> a = post("accept", "{\"id\":\"" + first + "\"}", csrf, v);
        HttpResponse<String> b = post("accept", "{\"id\":\"" + second + "\"}", csrf, v);
        assertEquals(200, a.statusCode(), a.body());
        assertEquals(409, b.statusCode(), b.body());
        assertEquals(v + 1, version(), "only the first change was made");
        assertTrue(state().toString().contains(second), "the second proposal is still there");
        String folder = String.join("\n", AuthorFolders.files(dir).values());
        assertTrue(folder.contains("sg:reviewStatus sg:NotReviewed"), "the second one stays not reviewed");
    }

    @Test
    void saving_twice_without_a_change_gives_identical_files() throws Exception {
        server.workspace().saveAgain();
        Map<String, String> once = AuthorFolders.files(dir);
        server.workspace().saveAgain();
        assertEquals(once, AuthorFolders.files(dir), "a second save with no change wrote other bytes");
        long v = version();
        HttpResponse<String> change = post("accept", "{\"id\":\"" + pending("amount", 0) + "\"}", csrf, v);
        assertEquals(200, change.statusCode(), change.body());
        assertTrue(!once.equals(AuthorFolders.files(dir)), "the change was written");
        HttpResponse<String> undo = post("undo", "{}", csrf, v + 1);
        assertEquals(200, undo.statusCode(), undo.body());
        assertEquals(once, AuthorFolders.files(dir), "a change and its undo give back the same bytes");
        Map<String, String> undone = AuthorFolders.files(dir);
        assertEquals(200, post("redo", "{}", csrf, v + 2).statusCode());
        assertTrue(!undone.equals(AuthorFolders.files(dir)), "redo made the change again");
        assertEquals(200, post("undo", "{}", csrf, v + 3).statusCode());
        AuthorFolders.load(dir);
    }

    @Test
    void a_corrected_quotation_keeps_its_passage_on_the_article_s_words() throws Exception {
        String quote = AuthorFolders.subject(dir, AuthorFolders.VERBATIM, "We want every child on the water to have books");
        String property = "https://w3id.org/stargate-kg/ontology/verbatimText";
        HttpResponse<String> invented = post("set", "{\"id\":\"" + quote + "\",\"property\":\"" + property
                                                    + "\",\"values\":[{\"text\":\"We want every child to fly\"}]}", csrf, version());
        assertEquals(400, invented.statusCode(), invented.body());
        assertTrue(invented.body().contains("not in the article"), invented.body());
        HttpResponse<String> shorter = post("set", "{\"id\":\"" + quote + "\",\"property\":\"" + property
                                                   + "\",\"values\":[{\"text\":\"We want every child on the water\"}]}", csrf, version());
        assertEquals(200, shorter.statusCode(), shorter.body());
        String statements = Files.readString(dir.resolve("article.ttl"));
        assertTrue(statements.contains("nif:anchorOf \"We want every child on the water\""), statements);
        AuthorFolders.load(dir);
        String amount = AuthorFolders.subject(dir, AuthorFolders.LABEL, "$12 million");
        HttpResponse<String> notANumber = post("set", "{\"id\":\"" + amount + "\",\"property\":\"sg:value\","
                                                      + "\"values\":[{\"text\":\"twelve\",\"datatype\":\"xsd:decimal\"}]}", csrf, version());
        assertEquals(400, notANumber.statusCode(), notANumber.body());
    }

    @Test
    void an_amount_field_of_the_form_makes_an_amount_with_its_currency() throws Exception {
        JsonObject form = JSON.parse(get("/api/form?class=sg:InvestmentPlan", true).body());
        JsonObject amountField = form.get("fields").getAsArray().stream().map(JsonValue::getAsObject)
                                     .filter(f -> f.get("short").getAsString().value().equals("sg:amount")).findFirst().orElseThrow();
        assertEquals("amount", amountField.get("kind").getAsString().value(), amountField.toString());
        assertTrue(amountField.get("required").getAsBoolean().value(), "the shape requires an amount of an investment plan");
        String text = Files.readString(dir.resolve("article.txt"));
        int at = text.indexOf("$12 million");
        HttpResponse<String> r = post("create", "{\"begin\":" + at + ",\"end\":" + (at + 11) + ",\"class\":\"sg:InvestmentPlan\","
                                                 + "\"fields\":{\"sg:amount\":[{\"amount\":\"12000000\",\"currency\":\"id:usd\"}]}}", csrf, version());
        assertEquals(200, r.statusCode(), r.body());
        try {
            String plan = JSON.parse(r.body()).get("created").getAsString().value();
            org.apache.jena.graph.Graph g = AuthorFolders.graph(dir);
            org.apache.jena.graph.Node made = g.find(org.apache.jena.graph.NodeFactory.createURI(plan),
                    org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/stargate-kg/ontology/amount"), org.apache.jena.graph.Node.ANY)
                    .toList().get(0).getObject();
            String money = Files.readString(dir.resolve("money.ttl"));
            String written = made.getURI().replace("https://w3id.org/stargate-kg/id/", "id:");
            int at2 = money.indexOf(written + " a sg:MonetaryAmount");
            assertTrue(at2 >= 0, money);
            String block = money.substring(at2, money.indexOf(" .\n", at2));
            assertTrue(block.contains("sg:currency id:usd") && block.contains("sg:value \"12000000\"^^xsd:decimal"), block);
        } finally {
            assertEquals(200, post("undo", "{}", csrf, version()).statusCode());
        }
    }

    @Test
    void the_author_command_refuses_a_folder_without_an_article() {
        CliRun run = CliRun.of("author", dir.getParent().toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("article.txt"), run.toString());
    }

    @Test
    void a_change_rewrites_only_the_files_whose_triples_changed() throws Exception {
        Map<String, String> before = AuthorFolders.files(dir);
        long v = version();
        HttpResponse<String> r = post("accept", "{\"id\":\"" + AuthorFolders.subject(dir, AuthorFolders.LABEL, "Avalon Ferries Ltd") + "\"}", csrf, v);
        assertEquals(200, r.statusCode(), r.body());
        try {
            Map<String, String> after = AuthorFolders.files(dir);
            assertTrue(!before.get("entities.ttl").equals(after.get("entities.ttl")), "the organization's file changed");
            for (String untouched : List.of("statements.ttl", "money.ttl", "article.txt"))
                assertEquals(before.get(untouched), after.get(untouched), untouched + " was rewritten although none of its triples changed");
        } finally {
            assertEquals(200, post("undo", "{}", csrf, v + 1).statusCode());
        }
    }

    @Test
    void a_new_entity_is_made_with_its_name_and_type() throws Exception {
        long v = version();
        HttpResponse<String> r = post("entity", "{\"label\":\"Port Avalon Harbour Board\",\"class\":\"sg:Organization\"}", csrf, v);
        assertEquals(200, r.statusCode(), r.body());
        try {
            assertEquals("https://w3id.org/stargate-kg/id/port-avalon-harbour-board", JSON.parse(r.body()).get("created").getAsString().value());
            String entities = Files.readString(dir.resolve("entities.ttl"));
            assertTrue(entities.contains("id:port-avalon-harbour-board a sg:Organization ;"), entities);
            assertTrue(entities.contains("schema:name \"Port Avalon Harbour Board\""), entities);
            HttpResponse<String> found = get("/api/search?q=harbour%20board&class=sg:Agent", true);
            assertTrue(found.body().contains("port-avalon-harbour-board"), "a new organization is found as an agent: " + found.body());
        } finally {
            assertEquals(200, post("undo", "{}", csrf, v + 1).statusCode());
        }
    }
}
