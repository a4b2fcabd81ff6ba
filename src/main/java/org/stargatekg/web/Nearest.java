package org.stargatekg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The resources whose addresses come nearest to one that is not there, for the 404 page: {@code /id/Elon-Musk} and
 * {@code /id/elon_musk} both lead to {@code /id/elon-musk}. Names are compared lower-cased with every run of
 * non-letters read as one hyphen, then by edit distance or containment.
 */
final class Nearest {

    private static final int MAX = 5;

    private final Site site;

    Nearest(Site site) {
        this.site = site;
    }

    /** At most five links to resources of ours whose local names are close to the missing IRI's, nearest first. */
    List<Link> to(String iri) {
        if (iri == null)
            return List.of();
        String wanted = normal(local(iri));
        if (wanted.isEmpty())
            return List.of();
        Set<Node> candidates = new LinkedHashSet<>();
        site.union().find(Node.ANY, Terms.TYPE, Node.ANY).forEachRemaining((Triple t) -> {
            if (t.getSubject().isURI() && site.isLocal(t.getSubject().getURI()))
                candidates.add(t.getSubject());
        });
        record Scored(Node node, int distance) {}
        List<Scored> scored = new ArrayList<>();
        int allowed = Math.max(2, wanted.length() / 3);
        for (Node c : candidates) {
            String name = normal(local(c.getURI()));
            int d = Fuzzy.distance(wanted, name);
            if (d <= allowed || (wanted.length() >= 4 && name.contains(wanted)))
                scored.add(new Scored(c, d));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(s -> s.node().getURI()));
        Labels labels = site.labels();
        return scored.stream().limit(MAX).map(s -> site.link(s.node(), labels)).toList();
    }

    private static String local(String iri) {
        String trimmed = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
        return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#')) + 1);
    }

    static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }
}
