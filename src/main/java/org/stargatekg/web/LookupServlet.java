package org.stargatekg.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.stargatekg.http.Responses;
import org.stargatekg.vocab.IriText;

/**
 * Resolves a permanent IRI given as {@code /resource?uri=IRI}: 303 to its local address when it is ours and in the data,
 * so that a client holding only the IRI (from a dump, say) reaches its description here; 404 otherwise.
 */
final class LookupServlet extends HttpServlet {

    /** Where a permanent IRI is looked up. */
    static final String PATH = "/resource";

    private final transient PageAnswers answers;

    LookupServlet(PageAnswers answers) {
        this.answers = answers;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String iri = req.getParameter("uri");
        if (iri == null || iri.isBlank()) {
            Responses.text(resp, 400, "Give the IRI to look up: " + PATH + "?uri=IRI\n");
            return;
        }
        Site site = answers.site;
        String local = site.addresses().path(iri);
        // An IRI no query can name (a space, '>', '}') is in no store: asked of an external store it was a 500.
        if (local == null || !IriText.writable(iri)) {
            answers.notFound(req, resp, iri);
            return;
        }
        Node node = NodeFactory.createURI(iri);
        if (!Txn.calculateRead(site.dataset(), () -> site.exists(node))) {
            answers.notFound(req, resp, iri);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", local);
        resp.setContentLength(0);
    }
}
