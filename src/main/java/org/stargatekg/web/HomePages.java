package org.stargatekg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;

/** Builds the home page from the dataset: counts, articles, and the entities of each class of ours. */
final class HomePages {

    private final Site site;
    private final ResourcePages pages;

    HomePages(Site site, ResourcePages pages) {
        this.site = site;
        this.pages = pages;
    }

    HomePage page() {
        Labels labels = pages.labels();
        DatasetGraph dsg = site.dataset();
        String sg = site.namespaces().ontology();
        Map<String, List<Link>> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Link> typeLinks = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Node inferred = site.namespaces().inferredGraph();
        Node ontologyGraph = site.namespaces().ontologyGraph();
        List<Node> graphNames = Iter.toList(dsg.listGraphNodes());
        Map<Node, List<Triple>> typed = new LinkedHashMap<>();
        Set<Node> named = new LinkedHashSet<>();
        for (Node name : graphNames) {
            named.add(name);
            if (name.equals(inferred) || name.equals(ontologyGraph))
                continue;
            List<Triple> types = dsg.getGraph(name).find(Node.ANY, Terms.TYPE, Node.ANY).toList();
            typed.put(name, types);
            types.forEach(t -> {
                named.add(t.getSubject());
                named.add(t.getObject());
            });
        }
        // Through an external store, the labels of everything listed come in a few questions rather than one each.
        site.prefetchLabels(List.copyOf(named));
        List<HomePage.GraphCount> graphs = new ArrayList<>();
        long quads = 0;
        for (Node name : graphNames) {
            long n = dsg.getGraph(name).size();
            quads += n;
            graphs.add(new HomePage.GraphCount(site.link(name, labels), n));
        }
        graphs.sort(Comparator.comparing(gc -> gc.graph().iri()));
        for (List<Triple> types : typed.values()) {
            for (Triple t : types) {
                Node type = t.getObject();
                if (!type.isURI() || !type.getURI().startsWith(sg) || !t.getSubject().isURI())
                    continue;
                String label = labels.label(type);
                typeLinks.putIfAbsent(label, site.link(type, labels));
                List<Link> members = byType.computeIfAbsent(label, k -> new ArrayList<>());
                Link m = site.link(t.getSubject(), labels);
                if (members.stream().noneMatch(x -> x.iri().equals(m.iri())))
                    members.add(m);
            }
        }
        List<HomePage.TypeGroup> groups = new ArrayList<>();
        byType.forEach((label, members) -> {
            members.sort(Comparator.comparing(Link::label, String.CASE_INSENSITIVE_ORDER));
            groups.add(new HomePage.TypeGroup(typeLinks.get(label), members));
        });
        List<Link> articles = site.articles().keySet().stream().map(n -> site.link(n, labels))
                                  .sorted(Comparator.comparing(Link::label)).toList();
        return new HomePage("Stargate KG",
                "A knowledge graph of news: every fact and statement of each article, with the exact words of the "
                + "article that support it. Browse it here, query it with SPARQL, or download it.",
                quads, graphs, articles, groups, site.link(site.terms().ontology, labels), site.namespaces().namespace());
    }
}
