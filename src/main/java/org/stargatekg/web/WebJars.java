package org.stargatekg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.stargatekg.http.Responses;

/**
 * The few files of the CodeMirror 5 WebJar (a Maven dependency) that the editor loads, served from the classpath at
 * version-free paths under {@value #PREFIX}; any other path there is not found. Not Jetty's resource servlet, as for
 * {@code /static/}: that would serve the whole WebJar (its sources, package.json, every mode), while only the files
 * the editor loads are on offer (EditorPageTest checks that the rest are not found).
 */
final class WebJars extends HttpServlet {

    /** Where the files are served. */
    static final String PREFIX = "/webjars/codemirror/";

    /** The files on offer, by path under {@link #PREFIX}, with their media types. */
    static final Map<String, String> FILES = Map.of(
            "lib/codemirror.js", "text/javascript",
            "lib/codemirror.css", "text/css",
            "mode/sparql/sparql.js", "text/javascript",
            "addon/hint/show-hint.js", "text/javascript",
            "addon/hint/show-hint.css", "text/css",
            "LICENSE", "text/plain");

    /** CodeMirror's version, as the WebJar records it. */
    static final String VERSION = version();

    /** Answers a path under {@link #PREFIX} with the file, cacheable for an hour, or 404 when it is not on offer. */
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        String type = FILES.get(name);
        byte[] body = null;
        if (type != null) {
            try (InputStream in = WebJars.class.getClassLoader()
                    .getResourceAsStream("META-INF/resources/webjars/codemirror/" + VERSION + "/" + name)) {
                body = in == null ? null : in.readAllBytes();
            }
        }
        if (body == null) {
            Responses.text(resp, 404, "Not found\n");
            return;
        }
        resp.setHeader("Cache-Control", "public, max-age=3600");
        Responses.send(resp, 200, type + "; charset=utf-8", body);
    }

    private static String version() {
        try (InputStream in = WebJars.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars.npm/codemirror/pom.properties")) {
            if (in == null)
                throw new IllegalStateException("The CodeMirror WebJar is not on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
