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
        List<int[]> idle = new ArrayList<>();
        List<Link> idleSentences = new ArrayList<>();
        for (var tr : g.find(Node.ANY, NIF.referenceContext, article).toList()) {
            Node passageNode = tr.getSubject();
            if (g.contains(passageNode, Terms.TYPE, NIF.Sentence)) {
                // A sentence supports nothing when no passage in it is evidence for, or describes, anything.
                Passage s = pages.evidence().passage(passageNode);
                if (s != null && !supportsSomething(g, passageNode)) {
                    idle.add(new int[] {s.begin(), s.end()});
                    idleSentences.add(site.link(passageNode, labels));
                }
                continue;
            }
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
        for (int[] i : idle) {
            cuts.add(i[0]);
            cuts.add(i[1]);
        }
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
            boolean unsupported = idle.stream().anyMatch(i -> i[0] <= a && i[1] >= b);
            segments.add(new ArticlePage.Segment(text.substring(a, b), starting, innermost != null,
                                                 innermost == null ? null : "#entry-" + innermost.anchor(), hover, unsupported));
            from = to;
        }
        idleSentences.sort(Comparator.comparing(Link::iri, ArticlePages::bySentenceNumber));
        return new ArticlePage(site.link(article, labels), labels.label(article), segments, entries, idleSentences,
                               pages.evidence().notReviewed(article));
    }

    private boolean supportsSomething(Graph g, Node sentence) {
        for (var t : g.find(Node.ANY, NIF.sentence, sentence).toList()) {
            Node passage = t.getSubject();
            if (g.contains(Node.ANY, site.terms().evidence, passage) || g.contains(Node.ANY, site.terms().describedIn, passage))
                return true;
        }
        return false;
    }

    /** Orders sentence IRIs (…/sentence/N) by N. */
    private static int bySentenceNumber(String a, String b) {
        return Integer.compare(number(a), number(b));
    }

    private static int number(String iri) {
        try {
            return Integer.parseInt(iri.substring(iri.lastIndexOf('/') + 1));
        } catch (NumberFormatException ex) {
            return Integer.MAX_VALUE;
        }
    }

    private static int length(ArticlePage.PassageEntry e) {
        return e.passage().end() - e.passage().begin();
    }
}
