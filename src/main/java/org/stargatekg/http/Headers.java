package org.stargatekg.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The security headers every response carries: a strict content security policy, no sniffing, no framing. */
public final class Headers {

    /** Scripts, styles and images only from this server; no plugins; not to be framed. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                     + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** Each security header by name, in the order they are set. */
    public static final Map<String, String> SECURITY;

    static {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        SECURITY = java.util.Collections.unmodifiableMap(headers);
    }

    private Headers() {}
}
