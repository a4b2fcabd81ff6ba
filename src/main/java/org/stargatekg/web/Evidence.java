package org.stargatekg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.stargatekg.vocab.NIF;

/** Finds the passages that support a fact or statement and places each in its sentence of the article. */
final class Evidence {

    private final Site site;
    private final Labels labels;

    Evidence(Site site, Labels labels) {
        this.site = site;
        this.labels = labels;
    }

    /** The passages linked from a node by sg:evidence or sg:describedIn, in article order. */
    List<Passage> of(Node item) {
        List<Passage> out = new ArrayList<>();
        for (Node p : List.of(site.terms().evidence, site.terms().describedIn))
            objects(item, p).forEach(passage -> {
                Passage shown = passage(passage);
                if (shown != null)
                    out.add(shown);
            });
        out.sort(Comparator.comparingInt(Passage::begin));
        return out;
    }

    /** One passage shown in its sentence, or null when it is not an offset-based passage of an article we hold. */
    Passage passage(Node passage) {
        Node context = object(passage, NIF.referenceContext);
        Node begin = object(passage, NIF.beginIndex);
        Node end = object(passage, NIF.endIndex);
        if (context == null || begin == null || end == null)
            return null;
        String text = site.articleText(context);
        int b = Integer.parseInt(begin.getLiteralLexicalForm());
        int e = Integer.parseInt(end.getLiteralLexicalForm());
        if (text == null || b < 0 || e > text.length() || b >= e)
            return null;
        int from = sentenceStart(text, b);
        int to = sentenceEnd(text, e);
        String anchor = local(passage);
        String articleHref = ArticlePages.focusHref(site.addresses().href(context.getURI()), anchor, anchor);
        return new Passage(site.link(passage, labels), b, e, text.substring(from, b), text.substring(b, e),
                           text.substring(e, to), articleHref, site.link(context, labels), notReviewed(passage), false);
    }

    /** Whether a resource is a draft's proposal that no author has reviewed (sg:reviewStatus sg:NotReviewed). */
    boolean notReviewed(Node node) {
        return site.union().contains(node, site.terms().reviewStatus, site.terms().notReviewed);
    }

    /** The passages of {@link #of}, grouped by the article they are from, articles by title. */
    List<ResourcePage.ArticleEvidence> byArticle(Node item) {
        java.util.Map<String, ResourcePage.ArticleEvidence> groups = new java.util.LinkedHashMap<>();
        for (Passage p : of(item))
            groups.computeIfAbsent(p.article().iri(), k -> new ResourcePage.ArticleEvidence(p.article(), new ArrayList<>()))
                  .passages().add(p);
        return groups.values().stream()
                     .sorted(Comparator.comparing((ResourcePage.ArticleEvidence g) -> g.article().label(), String.CASE_INSENSITIVE_ORDER))
                     .toList();
    }

    /** The fragment name of a passage in the article view. */
    static String local(Node passage) {
        String iri = passage.getURI();
        return "ev-" + iri.substring(iri.lastIndexOf('/') + 1);
    }

    static int sentenceStart(String text, int begin) {
        for (int i = begin - 1; i > 0; i--) {
            char c = text.charAt(i);
            if (c == '\n')
                return i + 1;
            if (c == ' ' && endsSentence(text.charAt(i - 1)))
                return i + 1;
        }
        return 0;
    }

    static int sentenceEnd(String text, int end) {
        if (end > 0 && endsSentence(text.charAt(end - 1)))
            return end;
        for (int i = end; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n')
                return i;
            if (endsSentence(c) && (i + 1 == text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\n'))
                return i + 1;
        }
        return text.length();
    }

    private static boolean endsSentence(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        Iterator<Triple> it = site.union().find(s, p, Node.ANY);
        it.forEachRemaining(t -> out.add(t.getObject()));
        return out;
    }

    private Node object(Node s, Node p) {
        return site.first(s, p);
    }
}
