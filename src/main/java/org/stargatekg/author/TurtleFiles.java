package org.stargatekg.author;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.io.IndentedLineBuffer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes a graph as deterministic Turtle: the given prefixes sorted by name, subjects sorted by their written form,
 * {@code a} first and then predicates and objects sorted the same way, one blank line between subjects; terms are
 * written by Jena's Turtle node formatter, so nothing is escaped by hand. Two saves of the same triples give the
 * same bytes, and a diff of two saves shows only the triples that changed.
 */
final class TurtleFiles {

    private TurtleFiles() {}

    /** The graph as Turtle text, with a header comment (each line prefixed by "# "), or none when null. */
    static String write(Graph graph, PrefixMap prefixes, String comment) {
        NodeFormatter fmt = new NodeFormatterTTL(null, prefixes);
        StringBuilder sb = new StringBuilder();
        if (comment != null && !comment.isBlank())
            for (String line : comment.strip().split("\n"))
                sb.append("# ").append(line).append('\n');
        if (sb.length() > 0)
            sb.append('\n');
        new TreeMap<>(prefixes.getMapping()).forEach((p, iri) ->
                sb.append(String.format("@prefix %-8s <%s> .%n", p + ":", iri)));
        // Subjects, then predicates, then objects, each sorted by how they are written.
        Map<String, Map<String, List<String>>> subjects = new TreeMap<>();
        graph.find().forEachRemaining(t -> {
            String s = str(fmt, t.getSubject());
            String p = t.getPredicate().equals(RDF.type.asNode()) ? "a" : str(fmt, t.getPredicate());
            subjects.computeIfAbsent(s, k -> new TreeMap<>(PREDICATES)).computeIfAbsent(p, k -> new ArrayList<>())
                    .add(str(fmt, t.getObject()));
        });
        for (Map.Entry<String, Map<String, List<String>>> s : subjects.entrySet()) {
            sb.append('\n').append(s.getKey());
            List<String> lines = new ArrayList<>();
            s.getValue().forEach((p, objects) -> lines.add(p + " " + String.join(" , ", objects.stream().sorted().distinct().toList())));
            for (int i = 0; i < lines.size(); i++)
                sb.append(i == 0 ? " " : "    ").append(lines.get(i)).append(i == lines.size() - 1 ? " .\n" : " ;\n");
        }
        return sb.toString();
    }

    /** "a" before every other predicate, the rest in the order they are written. */
    private static final Comparator<String> PREDICATES =
            Comparator.comparing((String p) -> !p.equals("a")).thenComparing(Comparator.naturalOrder());

    private static String str(NodeFormatter fmt, Node n) {
        IndentedLineBuffer out = new IndentedLineBuffer();
        fmt.format(out, n);
        return out.asString();
    }

    /** Whether a graph holds blank nodes, which this writer cannot give a stable name. */
    static boolean hasBlankNodes(Graph graph) {
        for (Triple t : graph.find().toList())
            if (t.getSubject().isBlank() || t.getObject().isBlank())
                return true;
        return false;
    }
}
