package org.stargatekg.author;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.load.ShippedSources;
import org.stargatekg.vocab.Namespaces;
import org.stargatekg.vocab.SG;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The authoring server: one article folder reviewed in the browser, on the loopback interface only. A random token
 * (128 bits, new at each start) is required on every request, first as {@code ?token=} in the printed address, then as
 * an HttpOnly, SameSite=Strict cookie; without it every route answers 403. A change (POST) also needs the page's CSRF
 * token in the {@code X-CSRF-Token} header and the folder version it was made on in {@code X-Base-Version} (409 when
 * another change came first). It writes only the folder's Turtle files.
 */
public final class AuthorServer implements AutoCloseable {

    private static final String COOKIE = "sg_author";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private final HttpServer http;
    private final String token;
    private final String csrf;
    private final Workspace workspace;
    private final Proposals proposals;
    private final EntityIndex index;
    private final ShapeForms forms;
    private final Vocabulary vocabulary;

    private AuthorServer(Path dir, List<Path> others, Namespaces namespaces, int port) {
        SecureRandom random = new SecureRandom();
        this.token = randomHex(random);
        this.csrf = randomHex(random);
        KnowledgeGraph base = Loaders.without(dir.toAbsolutePath().normalize().getFileName().toString(), namespaces, others).load();
        Path ontology = ShippedSources.locate().ontologyDir();
        Graph ontologyGraph = base.dataset().asDatasetGraph().getGraph(namespaces.ontologyGraph());
        this.vocabulary = new Vocabulary(ontologyGraph);
        Graph shapes = GraphFactory.createDefaultGraph();
        RDFParser.source(ontology.resolve(KnowledgeGraphLoader.SHAPES_FILE)).base(namespaces.namespace()).parse(shapes);
        this.forms = new ShapeForms(shapes, vocabulary);
        this.index = new EntityIndex(base.dataset().asDatasetGraph().getUnionGraph(), vocabulary);
        this.workspace = new Workspace(dir, namespaces, new Validation(namespaces, others));
        workspace.sharedLabels(n -> index.taken(n) ? index.label(n, GraphFactory.createDefaultGraph()) : null);
        this.proposals = new Proposals(workspace, vocabulary, index);
        try {
            // 127.0.0.1 by number, never a name, so the printed address and the bound one are the same interface.
            this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + ": " + ex.getMessage(), ex);
        }
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "author-http");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/", this::handle);
    }

    /** Loads the shipped data and the other folders, opens the folder and listens on 127.0.0.1 (port 0: any free port). */
    public static AuthorServer start(Path dir, List<Path> others, Namespaces namespaces, int port) {
        AuthorServer server = new AuthorServer(dir, others, namespaces, port);
        server.http.start();
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The address to open, with this start's token. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/?token=" + token;
    }

    /** The folder's current version. */
    public long version() {
        return workspace.version();
    }

    Workspace workspace() {
        return workspace;
    }

    /** Stops listening at once. */
    @Override
    public void close() {
        http.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("X-Frame-Options", "DENY");
            ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
            Map<String, String> query = query(ex.getRequestURI());
            boolean byQuery = same(query.get("token"), token);
            if (!byQuery && !same(cookie(ex), token)) {
                send(ex, 403, "text/plain; charset=utf-8", "Forbidden: open the address the author command printed (it holds this start's token).");
                return;
            }
            if (byQuery) {
                ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
                if (ex.getRequestMethod().equals("GET") && ex.getRequestURI().getPath().equals("/")) {
                    ex.getResponseHeaders().set("Location", "/");
                    send(ex, 303, "text/plain; charset=utf-8", "See /");
                    return;
                }
            }
            route(ex, query);
        } catch (RuntimeException e) {
            try {
                send(ex, 500, "application/json", json("error", "The server failed: " + e));
            } catch (IOException ignored) {
                // The client went away.
            }
        }
    }

    private void route(HttpExchange ex, Map<String, String> query) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (method.equals("GET")) {
            switch (path) {
                case "/" -> send(ex, 200, "text/html; charset=utf-8", page());
                case "/static/author.js" -> resource(ex, "author.js", "text/javascript; charset=utf-8");
                case "/static/author.css" -> resource(ex, "author.css", "text/css; charset=utf-8");
                case "/api/state" -> send(ex, 200, "application/json", proposals.state().toString());
                case "/api/search" -> send(ex, 200, "application/json", search(query).toString());
                case "/api/form" -> send(ex, 200, "application/json", form(query).toString());
                case "/api/classes" -> send(ex, 200, "application/json", classes().toString());
                default -> send(ex, 404, "application/json", json("error", "No such page: " + path));
            }
            return;
        }
        if (!method.equals("POST")) {
            send(ex, 405, "application/json", json("error", "Only GET and POST"));
            return;
        }
        if (!same(ex.getRequestHeaders().getFirst("X-CSRF-Token"), csrf)) {
            send(ex, 403, "application/json", json("error", "A change needs the page's X-CSRF-Token header"));
            return;
        }
        long base;
        JsonObject body;
        try {
            base = Long.parseLong(String.valueOf(ex.getRequestHeaders().getFirst("X-Base-Version")));
            byte[] bytes = ex.getRequestBody().readNBytes(1 << 20);
            body = bytes.length == 0 ? new JsonObject() : JSON.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            send(ex, 400, "application/json", json("error", "A change needs an X-Base-Version header and a JSON object body"));
            return;
        }
        try {
            JsonObject result = change(path.substring(path.lastIndexOf('/') + 1), base, body);
            if (result == null) {
                send(ex, 404, "application/json", json("error", "No such change: " + path));
                return;
            }
            send(ex, 200, "application/json", result.toString());
        } catch (Workspace.Conflict e) {
            JsonObject o = proposals.state();
            o.put("error", e.getMessage());
            send(ex, 409, "application/json", o.toString());
        } catch (IllegalArgumentException | IllegalStateException e) {
            send(ex, 400, "application/json", json("error", e.getMessage()));
        }
    }

    private JsonObject change(String op, long base, JsonObject b) {
        Node[] made = new Node[1];
        switch (op) {
            case "accept" -> workspace.change(base, e -> e.accept(iri(b, "id")));
            case "reject" -> workspace.change(base, e -> e.reject(iri(b, "id")));
            case "set" -> workspace.change(base, e -> e.set(iri(b, "id"), iri(b, "property"), values(b.get("values"))));
            case "link" -> workspace.change(base, e -> e.link(iri(b, "id"), iri(b, "entity")));
            case "merge" -> workspace.change(base, e -> e.merge(iri(b, "from"), iri(b, "into")));
            case "entity" -> workspace.change(base, e -> made[0] = e.newEntity(string(b, "label"), iri(b, "class"), index::taken));
            case "create" -> workspace.change(base, e -> made[0] = create(e, b));
            case "undo" -> workspace.undo(base);
            case "redo" -> workspace.redo(base);
            default -> {
                return null;
            }
        }
        JsonObject state = proposals.state();
        if (made[0] != null)
            state.put("created", made[0].getURI());
        return state;
    }

    private Node create(Editor e, JsonObject b) {
        int begin = integer(b, "begin");
        int end = integer(b, "end");
        Map<Node, List<Node>> values = new LinkedHashMap<>();
        JsonObject fields = b.hasKey("fields") ? b.get("fields").getAsObject() : new JsonObject();
        for (String key : fields.keys()) {
            Node property = workspace.prefixes().expand(key);
            List<Node> vs = new ArrayList<>();
            for (JsonValue v : asArray(fields.get(key))) {
                JsonObject o = v.getAsObject();
                if (o.hasKey("amount")) {
                    BigDecimal number;
                    try {
                        number = new BigDecimal(o.get("amount").getAsString().value().strip());
                    } catch (RuntimeException ex) {
                        throw new IllegalArgumentException("An amount must be a number, not '" + o.get("amount") + "'");
                    }
                    vs.add(e.amount(number, iri(o, "currency"), null, index::taken));
                } else
                    vs.add(value(o));
            }
            if (!vs.isEmpty())
                values.put(property, vs);
        }
        String file = b.hasKey("file") ? string(b, "file") : null;
        return e.create(begin, end, iri(b, "class"), b.hasKey("label") ? string(b, "label") : null, values, file, index::taken);
    }

    private JsonArray search(Map<String, String> q) {
        Node cls = q.containsKey("class") && !q.get("class").isBlank() ? workspace.prefixes().expand(q.get("class")) : null;
        JsonArray out = new JsonArray();
        for (EntityIndex.Entry e : index.search(q.get("q"), cls, workspace.merged(), 12)) {
            JsonObject o = new JsonObject();
            o.put("iri", e.iri().getURI());
            o.put("short", workspace.prefixes().shorten(e.iri()));
            o.put("label", e.label());
            o.put("here", e.here());
            out.add(o);
        }
        return out;
    }

    private JsonObject form(Map<String, String> q) {
        Node cls = workspace.prefixes().expand(q.getOrDefault("class", "sg:Fact"));
        JsonObject o = new JsonObject();
        o.put("class", cls.getURI());
        o.put("name", vocabulary.label(cls));
        o.put("fields", forms.json(cls, workspace.prefixes()));
        JsonArray currencies = new JsonArray();
        for (EntityIndex.Entry e : index.search("", SG.Currency.asNode(), workspace.merged(), 50)) {
            JsonObject c = new JsonObject();
            c.put("iri", e.iri().getURI());
            c.put("label", e.label());
            currencies.add(c);
        }
        o.put("currencies", currencies);
        return o;
    }

    private JsonArray classes() {
        JsonArray out = new JsonArray();
        for (Node c : vocabulary.classes()) {
            if (!vocabulary.superClasses(c).contains(SG.Fact.asNode()) && !vocabulary.superClasses(c).contains(SG.Statement.asNode()))
                continue;
            JsonObject o = new JsonObject();
            o.put("iri", c.getURI());
            o.put("short", workspace.prefixes().shorten(c));
            o.put("label", vocabulary.label(c));
            out.add(o);
        }
        return out;
    }

    private String page() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("folder", workspace.name());
        params.put("csrf", csrf);
        StringOutput out = new StringOutput();
        TEMPLATES.render("author/page.jte", params, out);
        return out.toString();
    }

    private void resource(HttpExchange ex, String name, String type) throws IOException {
        try (InputStream in = AuthorServer.class.getResourceAsStream("/web/author/" + name)) {
            if (in == null) {
                send(ex, 404, "text/plain", "missing " + name);
                return;
            }
            send(ex, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Node iri(JsonObject o, String key) {
        String s = string(o, key);
        Node n = workspace.prefixes().expand(s);
        if (!n.getURI().startsWith("http://") && !n.getURI().startsWith("https://"))
            throw new IllegalArgumentException(key + " must be an IRI");
        return n;
    }

    private List<Node> values(JsonValue v) {
        List<Node> out = new ArrayList<>();
        for (JsonValue x : asArray(v))
            out.add(value(x.getAsObject()));
        return out;
    }

    /** A value sent by the page: {"iri"}, or {"text"} with a "lang" or a "datatype" (checked against it). */
    private Node value(JsonObject o) {
        if (o.hasKey("iri"))
            return iri(o, "iri");
        String text = string(o, "text");
        if (o.hasKey("lang"))
            return NodeFactory.createLiteralLang(text, string(o, "lang"));
        if (o.hasKey("datatype")) {
            RDFDatatype dt = TypeMapper.getInstance().getSafeTypeByName(workspace.prefixes().expand(string(o, "datatype")).getURI());
            if (!dt.isValid(text))
                throw new IllegalArgumentException("'" + text + "' is not a valid " + workspace.prefixes().shorten(NodeFactory.createURI(dt.getURI())));
            return NodeFactory.createLiteralDT(text, dt);
        }
        return NodeFactory.createLiteralString(text);
    }

    private static JsonArray asArray(JsonValue v) {
        if (v == null)
            return new JsonArray();
        if (v.isArray())
            return v.getAsArray();
        JsonArray a = new JsonArray();
        a.add(v);
        return a;
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || !v.isString())
            throw new IllegalArgumentException("Missing the text '" + key + "'");
        return v.getAsString().value();
    }

    private static int integer(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || !v.isNumber())
            throw new IllegalArgumentException("Missing the number '" + key + "'");
        return v.getAsNumber().value().intValue();
    }

    private static String json(String key, String value) {
        JsonObject o = new JsonObject();
        o.put(key, value);
        return o.toString();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0)
            ex.getResponseBody().write(bytes);
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpExchange ex) {
        List<String> headers = ex.getRequestHeaders().get("Cookie");
        if (headers == null)
            return null;
        for (String h : headers)
            for (String part : h.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "="))
                    return p.substring(COOKIE.length() + 1);
            }
        return null;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null)
            return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String randomHex(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
