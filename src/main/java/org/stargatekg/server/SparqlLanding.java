package org.stargatekg.server;

import org.stargatekg.http.Negotiation;
import org.stargatekg.http.QueryAccept;
import org.stargatekg.http.RestatedAccept;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.stargatekg.describe.DescriptionServlet;
import org.stargatekg.web.WebRoutes;

/**
 * {@code GET /sparql} without a query, which Fuseki would refuse: browsers get the editor, RDF clients the Service
 * Description. A request accepting none of the formats an answer comes in gets 406 (Fuseki would answer XML); every
 * other request to {@code /sparql} goes on to Fuseki, with its Accept header restated ({@link RestatedAccept}).
 */
final class SparqlLanding implements Filter {

    private final WebRoutes pages;
    private final DescriptionServlet description;

    SparqlLanding(WebRoutes pages, DescriptionServlet description) {
        this.pages = pages;
        this.description = description;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        if (read && req.getQueryString() == null) {
            if (Negotiation.wantsHtml(req, List.of("application/sparql-results+json"))) {
                pages.editor(req, resp);
                return;
            }
            if (DescriptionServlet.wantsRdf(Negotiation.accept(req))) {
                description.serviceDescription(req, resp);
                return;
            }
        }
        if (!QueryAccept.acceptable(req)) {
            QueryAccept.refuse(resp);
            return;
        }
        chain.doFilter(new RestatedAccept(req, QueryAccept.ALL), response);
    }
}
