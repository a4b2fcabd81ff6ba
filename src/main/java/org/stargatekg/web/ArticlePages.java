package org.stargatekg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.stargatekg.vocab.NIF;

/** Builds the article view: the text with every evidence passage highlighted and linked to what it supports. */
final class ArticlePages {

    private final Site site;
    private final ResourcePages pages;

    ArticlePages(Site site, ResourcePages pages) {
        this.site = site;
        this.pages = pages;
    }

    /** Whether a node is an article whose text we hold. */
    boolean isArticle(Node node) {
        return site.articleText(node) != null;
    }

    /** The article view of an article node. */
    ArticlePage page(Node article) {
        Labels labels = pages.labels();
        Graph g = site.union();
        String text = site.articleText(article);
        List<ArticlePage.PassageEntry> entries = new ArrayList<>();
        for (var tr : g.find(Node.ANY, NIF.referenceContext, article).toList()) {
            Node passageNode = tr.getSubject();
            Passage p = pages.evidence().passage(passageNode);
            if (p == null)
                continue;
            List<Link> supports = new ArrayList<>();
            g.find(Node.ANY, site.terms().evidence, passageNode)
             .forEachRemaining(x -> supports.add(site.link(x.getSubject(), labels)));
            g.find(Node.ANY, site.terms().describedIn, passageNode)
             .forEachRemaining(x -> supports.add(site.link(x.getSubject(), labels)));
            supports.sort(Comparator.comparing(Link::label, String.CASE_INSENSITIVE_ORDER));
            entries.add(new ArticlePage.PassageEntry(Evidence.local(passageNode), p, supports));
        }
        entries.sort(Comparator.comparingInt((ArticlePage.PassageEntry e) -> e.passage().begin())
                               .thenComparingInt(e -> e.passage().end()));
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (var e : entries) {
            cuts.add(e.passage().begin());
            cuts.add(e.passage().end());
        }
        List<ArticlePage.Segment> segments = new ArrayList<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            final int a = from;
            final int b = to;
            List<String> starting = new ArrayList<>();
            ArticlePage.PassageEntry innermost = null;
            int covering = 0;
            for (var e : entries) {
                if (e.passage().begin() == a)
                    starting.add(e.anchor());
                if (e.passage().begin() <= a && e.passage().end() >= b) {
                    covering++;
                    if (innermost == null || length(e) < length(innermost))
                        innermost = e;
                }
            }
            String hover = innermost == null ? null
                    : covering + (covering == 1 ? " passage" : " passages") + "; supports "
                      + innermost.supports().stream().map(Link::label).reduce((x, y) -> x + "; " + y).orElse("nothing");
            segments.add(new ArticlePage.Segment(text.substring(a, b), starting, innermost != null,
                                                 innermost == null ? null : "#entry-" + innermost.anchor(), hover));
            from = to;
        }
        return new ArticlePage(site.link(article, labels), labels.label(article), segments, entries);
    }

    private static int length(ArticlePage.PassageEntry e) {
        return e.passage().end() - e.passage().begin();
    }
}
