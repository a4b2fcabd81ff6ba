package org.stargatekg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.stargatekg.vocab.NIF;

/**
 * Builds the article view: the text plain by default, the passages of one chosen fact, statement, entity or passage
 * highlighted, and the list of what the passages support.
 */
final class ArticlePages {

    private static final Node KEYWORDS = NodeFactory.createURI("https://schema.org/keywords");
    private static final Node NOT_STATED = org.stargatekg.vocab.SG.notStated.asNode();

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

    /**
     * The article view of an article node; {@code focus} (from {@code ?focus=}) names what to highlight: a passage's
     * fragment name ({@code ev-…}) or the IRI of a fact, statement or entity; null or unknown highlights nothing.
     */
    ArticlePage page(Node article, String focus) {
        Labels labels = pages.labels();
        Graph g = site.union();
        String text = site.articleText(article);
        List<int[]> sentences = new ArrayList<>();
        List<int[]> idle = new ArrayList<>();
        List<Link> idleSentences = new ArrayList<>();
        Map<String, ArticlePage.PassageEntry> byAnchor = new LinkedHashMap<>();
        List<Node> passageNodes = new ArrayList<>();
        for (var tr : g.find(Node.ANY, NIF.referenceContext, article).toList()) {
            Node passageNode = tr.getSubject();
            if (g.contains(passageNode, Terms.TYPE, NIF.Sentence)) {
                Passage s = pages.evidence().passage(passageNode);
                if (s == null)
                    continue;
                sentences.add(new int[] {s.begin(), s.end()});
                // A sentence supports nothing when no passage in it is evidence for, or describes, anything.
                if (!supportsSomething(g, passageNode)) {
                    idle.add(new int[] {s.begin(), s.end()});
                    idleSentences.add(site.link(passageNode, labels));
                }
                continue;
            }
            passageNodes.add(passageNode);
        }
        sentences.sort(Comparator.comparingInt(s -> s[0]));
        List<ArticlePage.PassageEntry> entries = new ArrayList<>();
        Map<Node, Set<String>> itemAnchors = new LinkedHashMap<>();
        // An item cited by sg:evidence is a fact or statement, one by sg:describedIn an entity: the kind comes from the
        // link the view reads anyway, not from a question about each item's classes.
        Map<Node, String> kinds = new java.util.HashMap<>();
        for (Node passageNode : passageNodes) {
            Passage p = pages.evidence().passage(passageNode);
            if (p == null)
                continue;
            String anchor = Evidence.local(passageNode);
            List<Link> supports = new ArrayList<>();
            for (Node prop : List.of(site.terms().evidence, site.terms().describedIn))
                g.find(Node.ANY, prop, passageNode).forEachRemaining(x -> {
                    supports.add(site.link(x.getSubject(), labels));
                    kinds.merge(x.getSubject(), prop.equals(site.terms().evidence) ? "reported" : "entity",
                                (a, b) -> a.equals("reported") ? a : b);
                    itemAnchors.computeIfAbsent(x.getSubject(), k -> new LinkedHashSet<>()).add(anchor);
                });
            supports.sort(Comparator.comparing(Link::label, String.CASE_INSENSITIVE_ORDER));
            entries.add(new ArticlePage.PassageEntry(anchor, p, sentenceOf(sentences, p.begin()), supports));
        }
        entries.sort(Comparator.comparingInt((ArticlePage.PassageEntry e) -> e.passage().begin())
                               .thenComparingInt(e -> e.passage().end()));
        entries.forEach(e -> byAnchor.put(e.anchor(), e));
        String base = site.addresses().href(article.getURI());
        List<ArticlePage.Item> items = new ArrayList<>();
        itemAnchors.forEach((item, anchors) -> {
            List<String> ordered = anchors.stream().filter(byAnchor::containsKey)
                                          .sorted(Comparator.comparingInt(a -> byAnchor.get(a).passage().begin())).toList();
            if (ordered.isEmpty())
                return;
            items.add(new ArticlePage.Item(site.link(item, labels), kinds.get(item), focusHref(base, item.getURI(), ordered.get(0)),
                                           String.join(" ", ordered)));
        });
        items.sort(Comparator.comparing((ArticlePage.Item i) -> kindOrder(i.kind()))
                             .thenComparing(i -> i.link().label(), String.CASE_INSENSITIVE_ORDER));
        ArticlePage.Focus chosen = focus(focus, byAnchor, itemAnchors, labels);
        Set<String> focused = chosen == null ? Set.of()
                : new LinkedHashSet<>(chosen.passages().stream().map(ArticlePage.PassageEntry::anchor).toList());

        int keywordsAt = keywordLineStart(g, article, text);
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length(), keywordsAt));
        for (int[] s : sentences) {
            cuts.add(s[0]);
            cuts.add(s[1]);
        }
        for (var e : entries) {
            cuts.add(e.passage().begin());
            cuts.add(e.passage().end());
        }
        List<ArticlePage.Segment> body = new ArrayList<>();
        List<ArticlePage.Segment> keywordLine = new ArrayList<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            final int a = from;
            final int b = to;
            List<String> starting = new ArrayList<>();
            List<String> covering = new ArrayList<>();
            boolean isFocused = false;
            for (var e : entries) {
                if (e.passage().begin() == a)
                    starting.add(e.anchor());
                if (e.passage().begin() <= a && e.passage().end() >= b) {
                    covering.add(e.anchor());
                    isFocused |= focused.contains(e.anchor());
                }
            }
            boolean unsupported = idle.stream().anyMatch(i -> i[0] <= a && i[1] >= b);
            var segment = new ArticlePage.Segment(text.substring(a, b), starting, String.join(" ", covering),
                                                  sentenceOf(sentences, a), isFocused, unsupported);
            (a >= keywordsAt ? keywordLine : body).add(segment);
            from = to;
        }
        idleSentences.sort(Comparator.comparing(Link::iri, ArticlePages::bySentenceNumber));
        return new ArticlePage(site.link(article, labels), labels.label(article), body, keywordLine, entries, items,
                               chosen, idleSentences, pages.evidence().notReviewed(article), record(g, article, labels));
    }

    private static final List<String[]> RECORD = List.of(
            new String[] {"publisher", "http://purl.org/dc/terms/publisher"},
            new String[] {"date of publication", "http://purl.org/dc/terms/issued"},
            new String[] {"author", "http://purl.org/dc/terms/creator"},
            new String[] {"source address", "https://schema.org/url"});

    /** The article's record: each field's values, or whether the data says the text does not give it. */
    private List<ArticlePage.RecordField> record(Graph g, Node article, Labels labels) {
        List<ArticlePage.RecordField> out = new ArrayList<>();
        for (String[] field : RECORD) {
            Node p = NodeFactory.createURI(field[1]);
            List<Link> values = new ArrayList<>();
            g.find(article, p, Node.ANY).forEachRemaining(t -> {
                Node o = t.getObject();
                if (o.isLiteral())
                    values.add(new Link(null, o.getLiteralLexicalForm(), null, false));
                else if (o.isURI())
                    values.add(site.isLocal(o.getURI()) ? site.link(o, labels) : new Link(o.getURI(), labels.label(o), o.getURI(), false));
            });
            boolean notStated = values.isEmpty() && g.contains(article, NOT_STATED, p);
            out.add(new ArticlePage.RecordField(field[0], field[1], values, notStated));
        }
        return out;
    }

    /** The address of the article view with an item's passages highlighted and the first one in view. */
    static String focusHref(String articleHref, String focus, String firstAnchor) {
        return articleHref + "?focus=" + URLEncoder.encode(focus, StandardCharsets.UTF_8) + "#" + firstAnchor;
    }

    private ArticlePage.Focus focus(String focus, Map<String, ArticlePage.PassageEntry> byAnchor,
                                    Map<Node, Set<String>> itemAnchors, Labels labels) {
        if (focus == null || focus.isBlank())
            return null;
        ArticlePage.PassageEntry one = byAnchor.get(focus);
        if (one != null)
            return new ArticlePage.Focus("the passage \u201c" + one.passage().anchor() + "\u201d", null, List.of(one), one.anchor());
        Node item = NodeFactory.createURI(focus);
        Set<String> anchors = itemAnchors.get(item);
        if (anchors == null)
            return null;
        List<ArticlePage.PassageEntry> chosen = anchors.stream().map(byAnchor::get).filter(java.util.Objects::nonNull)
                                                       .sorted(Comparator.comparingInt(e -> e.passage().begin())).toList();
        if (chosen.isEmpty())
            return null;
        Link link = site.link(item, labels);
        return new ArticlePage.Focus(link.label(), link, chosen, chosen.get(0).anchor());
    }

    /**
     * Where the keyword line starts: the last line of the text when it is the article's keywords joined by commas (the
     * way article.txt ends), else the end of the text.
     */
    private static int keywordLineStart(Graph g, Node article, String text) {
        int lastBreak = text.stripTrailing().lastIndexOf('\n');
        if (lastBreak < 0)
            return text.length();
        String line = text.substring(lastBreak + 1).strip();
        Set<String> keywords = new java.util.HashSet<>();
        g.find(article, KEYWORDS, Node.ANY).forEachRemaining(t -> keywords.add(t.getObject().getLiteralLexicalForm().strip()));
        if (keywords.isEmpty())
            return text.length();
        Set<String> words = new java.util.HashSet<>();
        for (String w : line.split(","))
            words.add(w.strip());
        return words.equals(keywords) ? lastBreak + 1 : text.length();
    }

    private static int kindOrder(String kind) {
        return kind.equals("entity") ? 0 : 1;
    }

    private static int sentenceOf(List<int[]> sentences, int offset) {
        for (int i = 0; i < sentences.size(); i++)
            if (sentences.get(i)[0] <= offset && offset < sentences.get(i)[1])
                return i;
        return -1;
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
}
