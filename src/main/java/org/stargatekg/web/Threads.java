package org.stargatekg.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/** Lays out the thread a statement belongs to: what it answers, up to the first item, then every reply below it. */
final class Threads {

    private final Site site;
    private final Labels labels;
    private final Evidence evidence;
    private final Terms t;
    private final Graph g;

    Threads(Site site, Labels labels, Evidence evidence) {
        this.site = site;
        this.labels = labels;
        this.evidence = evidence;
        this.t = site.terms();
        this.g = site.union();
    }

    /** The thread of a statement (empty when it answers nothing and nothing answers it, or it is no statement). */
    List<ThreadItem> thread(Node node) {
        if (!g.contains(node, Terms.TYPE, t.statement) && !g.contains(Node.ANY, t.respondsTo, node))
            return List.of();
        Deque<Node> ancestors = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        seen.add(node);
        Node cur = node;
        while (true) {
            Node parent = parent(cur);
            if (parent == null || !seen.add(parent))
                break;
            ancestors.push(parent);
            cur = parent;
        }
        List<ThreadItem> items = new ArrayList<>();
        int depth = 0;
        Node previous = null;
        for (Node a : ancestors) {
            items.add(item(a, previous, depth++, false));
            previous = a;
        }
        items.add(item(node, previous, depth, true));
        replies(node, depth + 1, items, seen);
        return items.size() > 1 ? items : List.of();
    }

    private void replies(Node node, int depth, List<ThreadItem> items, Set<Node> seen) {
        List<Node> children = new ArrayList<>();
        g.find(Node.ANY, t.respondsTo, node).forEachRemaining(tr -> children.add(tr.getSubject()));
        children.sort((a, b) -> Integer.compare(firstOffset(a), firstOffset(b)));
        for (Node child : children) {
            if (!seen.add(child))
                continue;
            items.add(item(child, node, depth, false));
            replies(child, depth + 1, items, seen);
        }
    }

    private Node parent(Node node) {
        List<Node> parents = new ArrayList<>();
        g.find(node, t.respondsTo, Node.ANY).forEachRemaining(tr -> parents.add(tr.getObject()));
        parents.sort((a, b) -> Integer.compare(firstOffset(a), firstOffset(b)));
        return parents.isEmpty() ? null : parents.get(0);
    }

    private int firstOffset(Node n) {
        List<Passage> ps = evidence.of(n);
        return ps.isEmpty() ? Integer.MAX_VALUE : ps.get(0).begin();
    }

    private ThreadItem item(Node s, Node answered, int depth, boolean current) {
        Node speaker = site.first(s, t.speaker);
        Node verbatim = site.first(s, t.verbatimText);
        Node words = verbatim != null ? verbatim : site.first(s, t.paraphrase);
        if (words == null)
            words = site.first(s, t.emoji);
        Node channel = site.first(s, t.channel);
        String relation = null;
        if (answered != null)
            relation = g.contains(s, t.disputes, answered) ? "disputes" : "responds to";
        return new ThreadItem(site.link(s, labels), speaker == null ? null : site.link(speaker, labels),
                              words == null ? labels.label(s) : words.getLiteralLexicalForm(), verbatim != null,
                              channel == null ? null : site.link(channel, labels), relation, depth, current,
                              evidence.of(s));
    }


}
