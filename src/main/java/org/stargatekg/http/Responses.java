package org.stargatekg.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writing a whole answer held in memory, in one place: status, type, length and body set together, so that no
 * answer goes out with a length that is not its body's (a length counted in characters rather than bytes was a 500
 * for a non-ASCII message). Headers particular to an answer ({@code Retry-After}, {@code Cache-Control}) are set
 * before. Streamed answers (Fuseki's, dumps) do not come here.
 */
public final class Responses {

    /** The type of every plain-text message. */
    public static final String TEXT = "text/plain; charset=utf-8";

    private Responses() {}

    /** Sends {@code body} as the whole answer. */
    public static void send(HttpServletResponse resp, int status, String contentType, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** Sends {@code text} in UTF-8 as the whole answer. */
    public static void send(HttpServletResponse resp, int status, String contentType, String text) throws IOException {
        send(resp, status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a plain-text message as the whole answer. */
    public static void text(HttpServletResponse resp, int status, String message) throws IOException {
        send(resp, status, TEXT, message);
    }
}
