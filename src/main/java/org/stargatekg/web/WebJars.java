package org.stargatekg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The few files of the CodeMirror 5 WebJar (a Maven dependency) that the editor loads, served from the classpath at
 * version-free paths under {@value #PREFIX}; any other path there is not found, as with {@code /static/}.
 */
final class WebJars {

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

    private WebJars() {}

    /** The bytes and media type of a served path (the part after {@link #PREFIX}), or null when it is not on offer. */
    static Map.Entry<String, byte[]> file(String name) {
        String type = FILES.get(name);
        if (type == null)
            return null;
        try (InputStream in = WebJars.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/codemirror/" + VERSION + "/" + name)) {
            return in == null ? null : Map.entry(type, in.readAllBytes());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
