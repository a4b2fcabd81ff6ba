package org.stargatekg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stargatekg.support.RunningServer;

/** Static files come from Jetty's resource servlet: UTF-8 named, validators and 304s, ranges, no folders, nothing else. */
class StaticFilesTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    @Test
    void a_style_sheet_is_served_byte_for_byte_as_utf8_css_cacheable_for_an_hour() throws IOException {
        HttpResponse<String> r = server.get("/static/style.css", "*/*");
        assertEquals(200, r.statusCode());
        assertEquals("text/css;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertEquals("public, max-age=3600", r.headers().firstValue("Cache-Control").orElse(""));
        try (InputStream in = StaticFilesTest.class.getClassLoader().getResourceAsStream("web/static/style.css")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), r.body());
        }
    }

    @Test
    void a_file_asked_again_with_its_etag_is_answered_304_without_a_body() {
        HttpResponse<String> first = server.get("/static/explore.js", "*/*");
        String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
        assertTrue(first.headers().firstValue("Last-Modified").isPresent(), "no Last-Modified");
        HttpResponse<String> again = server.send(HttpRequest.newBuilder(server.uri("/static/explore.js"))
                                                            .header("If-None-Match", etag).GET().build());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void a_range_of_a_file_is_answered_206_with_just_those_bytes() {
        String whole = server.get("/static/editor.js", "*/*").body();
        HttpResponse<String> part = server.send(HttpRequest.newBuilder(server.uri("/static/editor.js"))
                                                           .header("Range", "bytes=0-9").GET().build());
        assertEquals(206, part.statusCode());
        assertEquals(whole.substring(0, 10), part.body());
    }

    @Test
    void folders_and_missing_files_are_not_found_in_one_line_without_echoing_the_address() {
        for (String path : new String[] { "/static/", "/static", "/static/nope.css", "/static/web/static/style.css" }) {
            HttpResponse<String> r = server.get(path, "text/html");
            assertEquals(404, r.statusCode(), path);
            assertEquals("Not found\n", r.body(), path);
        }
    }
}
