package org.stargatekg.http;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose Accept header is {@link Negotiation#restated} for a set of offers: handed to code that negotiates by
 * itself (Fuseki, through Jena's recursive {@code AcceptList}), so that it never parses what a client sent and picks
 * the type {@link Negotiation} would ({@code q=0} honoured, types compared case-insensitively).
 */
public final class RestatedAccept extends HttpServletRequestWrapper {

    private final String accept;

    /** The request with its Accept header restated for {@code offered}; with none if it had no usable one. */
    public RestatedAccept(HttpServletRequest req, List<String> offered) {
        super(req);
        this.accept = Negotiation.restated(Negotiation.accept(req), offered);
    }

    @Override
    public String getHeader(String name) {
        return "Accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (!"Accept".equalsIgnoreCase(name))
            return super.getHeaders(name);
        return accept == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(accept));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames());
        names.removeIf("Accept"::equalsIgnoreCase);
        if (accept != null)
            names.add("Accept");
        return Collections.enumeration(names);
    }
}
