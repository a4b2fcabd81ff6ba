package org.stargatekg.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.system.Txn;
import org.stargatekg.describe.Dumps;
import org.stargatekg.describe.ExtensionFunctions;

/**
 * The site's servlets by the path each answers, for the server builder to route (exact paths, then the longest
 * prefix, then {@code /*} for every IRI we mint), and the editor page that {@code GET /sparql} shows browsers.
 */
public final class WebRoutes {

    private final PageAnswers answers;
    private final ExtensionFunctions functions;
    private final List<Examples.Example> examples = Examples.shipped();

    /** The routes over the site's dataset, linking the given dumps and listing the given extension functions in the editor. */
    public WebRoutes(Site site, Dumps dumps, ExtensionFunctions functions) {
        this.answers = new PageAnswers(site, new Downloads(dumps));
        this.functions = functions;
    }

    /** Path specifications (servlet mapping syntax: "" is the root alone) and the servlet for each, in order. */
    public Map<String, HttpServlet> servlets() {
        Map<String, HttpServlet> routes = new LinkedHashMap<>();
        routes.put("", new HomeServlet(answers));
        routes.put(ExploreServlet.PATH, new ExploreServlet(answers));
        routes.put(LookupServlet.PATH, new LookupServlet(answers));
        routes.put(SyntaxCheck.PATH, new SyntaxCheck());
        routes.put(StaticFiles.PATH + "*", new StaticFiles());
        routes.put(WebJars.PREFIX + "*", new WebJars());
        routes.put("/*", new LinkedDataServlet(answers));
        return routes;
    }

    /** The SPARQL editor page: our prefixes filled in, the competency questions as examples, completions, extension functions. */
    public void editor(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Site site = answers.site;
        EditorPage page = Txn.calculateRead(site.dataset(), () -> new EditorPages(site, functions).page(examples));
        answers.html(resp, 200, "editor.jte", Map.of("page", page));
    }
}
