package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/**
 * Paths that try to climb out of the static folder, plain or encoded, get 404 (or Jetty's 400 for a URI it finds
 * ambiguous) and never the content of a file outside it. Requests go over a raw socket so that no client
 * normalizes the path on the way.
 */
class PathTraversalTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    /** Text found in files a climb could reach: the POM, the log configuration, the shapes, /etc/passwd, a class file. */
    private static final List<String> SECRETS = List.of("<project", "<Configuration", "sh:NodeShape", "root:x:0", "\u00ca\u00fe\u00ba\u00be", "@prefix");



    @Test
    void climbing_paths_get_404_or_400_and_no_file_content() {
        List<String> paths = List.of(
                "/static/../pom.xml", "/static/../../pom.xml", "/static/../log4j2.xml", "/static/../../../../etc/passwd",
                "/../pom.xml", "/./static/style.css", "/static/./style.css",
                "/static/%2e%2e/pom.xml", "/static/%2E%2E/%2E%2E/pom.xml", "/static/%2e%2e%2fpom.xml",
                "/static/..%2fpom.xml", "/static/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
                "/static/%252e%252e/pom.xml", "/static/..%5cpom.xml", "/static/..\\..\\pom.xml",
                "/static/style.css%00.txt", "/static//etc/passwd", "//etc/passwd", "/..;/pom.xml", "/static/..;/log4j2.xml",
                "/static/%c0%ae%c0%ae/pom.xml", "/static/web/static/style.css", "/static/log4j2.xml",
                "/static/org/stargatekg/cli/Main.class", "/web/static/style.css", "/log4j2.xml", "/ontology/shapes.ttl",
                "/id/../static/../pom.xml", "/explore/../../pom.xml", "/sparql/../pom.xml", "/data/../../pom.xml",
                "/static/.hidden", "/static/STYLE.CSS");
        for (String path : paths) {
            String response = server.rawGet(path);
            int status = RunningServer.status(response);
            assertTrue(status == 404 || status == 400, () -> path + " -> " + response.lines().findFirst().orElse(""));
            for (String secret : SECRETS)
                assertFalse(response.contains(secret), () -> path + " served content with " + secret + "\n" + response);
        }
    }

    @Test
    void static_file_by_its_plain_name_is_served() {
        String response = server.rawGet("/static/style.css");
        assertEquals(200, RunningServer.status(response), response);
    }
}
