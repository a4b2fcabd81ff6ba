package org.stargatekg.ops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-origin access for a public, read-only dataset: any origin may GET, HEAD or POST (queries) without credentials,
 * and read the headers that matter for linked data; preflight requests are answered here. Not Jetty's
 * {@code CrossOriginHandler}: it echoes each origin and adds {@code Vary: Origin} to every answer, so shared caches keep
 * a copy per calling site, where open data answers the Fetch standard's {@code *} (JettyHandlersWeDoNotUseTest pins it).
 */
final class Cors {

    static final String ALLOW_METHODS = "GET, HEAD, POST, OPTIONS";
    static final String ALLOW_HEADERS = "Accept, Content-Type, Accept-Language, Cache-Control, X-Requested-With";
    static final String EXPOSE_HEADERS = "Link, Content-Location, Content-Disposition, Vary";

    private Cors() {}

    /** Adds the CORS headers when the request comes from a browser on some origin; returns true if it was a preflight, now answered. */
    static boolean apply(HttpServletRequest req, HttpServletResponse resp) {
        if (req.getHeader("Origin") == null)
            return false;
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        if ("OPTIONS".equals(req.getMethod()) && req.getHeader("Access-Control-Request-Method") != null) {
            resp.setHeader("Access-Control-Allow-Methods", ALLOW_METHODS);
            resp.setHeader("Access-Control-Allow-Headers", ALLOW_HEADERS);
            resp.setHeader("Access-Control-Max-Age", "86400");
            resp.setStatus(204);
            return true;
        }
        return false;
    }
}
