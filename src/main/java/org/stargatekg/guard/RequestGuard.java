package org.stargatekg.guard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.stargatekg.http.Headers;

/**
 * The outermost handler: puts the security headers on every response, including Jetty's own error answers, and
 * answers 404 to any path that tries to climb out of a folder ({@code ..}, {@code %2e}, {@code %2f}, {@code %5c},
 * {@code %00}, a backslash or an empty segment) before any servlet decodes it.
 */
public final class RequestGuard extends Handler.Wrapper {

    private static final byte[] NOT_FOUND = "Not found\n".getBytes(StandardCharsets.UTF_8);

    public RequestGuard(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        secure(response);
        if (climbs(request.getHttpURI().getPath())) {
            response.setStatus(404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, NOT_FOUND.length);
            response.write(true, ByteBuffer.wrap(NOT_FOUND), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** Whether a raw (still percent-encoded) path holds a dot segment, an encoded dot, slash, backslash or NUL, or an empty segment. */
    static boolean climbs(String rawPath) {
        if (rawPath == null || rawPath.isEmpty())
            return false;
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
            || lower.contains("%25") || lower.contains("\\") || lower.contains("//") || lower.contains(";"))
            return true;
        for (String segment : lower.split("/", -1))
            if (segment.equals("..") || segment.equals("."))
                return true;
        return false;
    }

    private static void secure(Response response) {
        Headers.SECURITY.forEach((name, value) -> response.getHeaders().put(name, value));
    }

    /** Jetty's error answers (bad requests, too-long URIs, bodies over the limit) with the security headers and no HTML. */
    public static final class SecureErrors extends ErrorHandler {

        public SecureErrors() {
            setShowStacks(false);
            setShowCauses(false);
            setDefaultResponseMimeType("text/plain");
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            secure(response);
            return super.handle(request, response, callback);
        }
    }
}
