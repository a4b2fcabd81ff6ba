package org.stargatekg.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.stargatekg.backend.Reads;

/** The graph view at {@code /explore?iri=}: a resource's neighbourhood drawn server-side, the main topic when no IRI is given. */
final class ExploreServlet extends HttpServlet {

    /** Where the graph view is. */
    static final String PATH = "/explore";

    private final transient PageAnswers answers;

    ExploreServlet(PageAnswers answers) {
        this.answers = answers;
    }

    /** Read in one transaction: the node's neighbourhood fetched first, then its existence and layout. */
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Site site = answers.site;
        DatasetGraph dsg = site.dataset();
        dsg.begin(ReadWrite.READ);
        try {
            String given = req.getParameter("iri");
            String iri = given == null || given.isBlank() ? site.mainTopic() : given;
            Node node = NodeFactory.createURI(iri);
            site.prefetch(Reads.GRAPH_VIEW, node);
            if (!site.exists(node)) {
                answers.notFound(req, resp, iri);
                return;
            }
            ExplorePage page = new ExplorePages(site, new ResourcePages(site)).page(node, "1".equals(req.getParameter("records")));
            answers.html(resp, 200, "explore.jte", Map.of("page", page));
        } finally {
            dsg.end();
        }
    }
}
