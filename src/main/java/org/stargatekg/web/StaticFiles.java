package org.stargatekg.web;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.MimeTypes;
import org.stargatekg.http.Responses;

/**
 * The style sheet and scripts under {@code /static/}, served from the class path by Jetty's own resource servlet: media
 * types, {@code ETag} and {@code Last-Modified} with their 304s, ranges and path checks come from Jetty; no listings.
 */
final class StaticFiles extends ResourceServlet {

    /** Where the files are served. */
    static final String PATH = "/static/";

    private static final Map<String, String> SETTINGS = Map.of(
            "pathInfoOnly", "true",
            "dirAllowed", "false",
            "etags", "true",
            "acceptRanges", "true",
            "cacheControl", "public, max-age=3600");

    /** Our text files are UTF-8 and say so, as every other answer here does. */
    @Override
    public void init() throws ServletException {
        MimeTypes.Mutable types = ServletContextHandler.getServletContextHandler(getServletContext()).getMimeTypes();
        types.addMimeMapping("css", "text/css;charset=utf-8");
        types.addMimeMapping("js", "text/javascript;charset=utf-8");
        super.init();
    }

    /** A folder, {@code /static/} itself included, is not found: there are no listings (Jetty would say 403). */
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = req.getPathInfo();
        if (path == null || path.endsWith("/")) {
            doNotFound(req, resp, path);
            return;
        }
        super.doGet(req, resp);
    }

    /** Not found in one line of text, as elsewhere here, rather than Jetty's error page echoing the address. */
    @Override
    protected void doNotFound(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        Responses.text(resp, 404, "Not found\n");
    }

    @Override
    public String getInitParameter(String name) {
        if (name.equals("baseResource")) {
            URL base = StaticFiles.class.getClassLoader().getResource("web/static/");
            if (base == null)
                throw new IllegalStateException("web/static/ is missing from the class path");
            return base.toString();
        }
        return SETTINGS.get(name);
    }
}
