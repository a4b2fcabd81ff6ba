package org.stargatekg.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.system.Txn;

/** The home page at {@code /}: the dataset at a glance, its articles, where to start and the downloads; HTML only. */
final class HomeServlet extends HttpServlet {

    private final transient PageAnswers answers;

    HomeServlet(PageAnswers answers) {
        this.answers = answers;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!PageAnswers.wantsHtml(req)) {
            PageAnswers.notAcceptable(resp);
            return;
        }
        Site site = answers.site;
        HomePage page = Txn.calculateRead(site.dataset(), () -> new HomePages(site, new ResourcePages(site)).page());
        answers.html(resp, 200, "home.jte", Map.of("page", page, "downloads", answers.downloads.all()));
    }
}
