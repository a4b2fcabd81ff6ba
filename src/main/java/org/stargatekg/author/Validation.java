package org.stargatekg.author;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.LoadException;
import org.stargatekg.load.ShippedSources;
import org.stargatekg.vocab.Namespaces;

/**
 * Checks the folder exactly as {@code --validate --data DIR} does (the loader: words and offsets of passages, evidence,
 * ownership, SHACL on the materialized graph), and, when it loads, runs the shipped hygiene queries; each problem is
 * tied to the resource (focus node) and property (path) it names, when it names one. Ready to publish means the loader
 * accepted the folder; hygiene findings are shown as warnings.
 */
final class Validation {

    /** Hygiene queries that list work still to do rather than a fault (every sentence of a fresh draft is one). */
    private static final Set<String> LISTS = Set.of("sentences-supporting-nothing.rq");

    private static final Pattern IRI = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern FOCUS = Pattern.compile("^\\s*- \\[(\\w+)\\] focus node (\\S+)\\s*$");

    /** One problem: what it concerns (either may be null), what is wrong, and whether it stops publishing. */
    record Problem(Node focus, String path, String message, boolean blocking) {}

    /** The outcome: whether the loader accepted everything, and the problems found. */
    record Result(boolean ready, List<Problem> problems) {}

    private final Namespaces namespaces;
    private final List<Path> others;

    Validation(Namespaces namespaces, List<Path> others) {
        this.namespaces = namespaces;
        this.others = List.copyOf(others);
    }

    /** Loads the shipped data, the other folders and this one, as the loader does, and lists what is wrong. */
    Result check(Path dir, Set<Node> ownSubjects) {
        KnowledgeGraph kg;
        try {
            kg = Loaders.without(dir.toAbsolutePath().normalize().getFileName().toString(), namespaces, others).article(dir).load();
        } catch (LoadException ex) {
            return new Result(false, fromLoadError(ex.getMessage()));
        }
        return new Result(true, hygiene(kg, ownSubjects));
    }

    /** The loader's report split into problems: one per SHACL result, per failing passage, or the whole message. */
    static List<Problem> fromLoadError(String message) {
        List<Problem> out = new ArrayList<>();
        String[] lines = message.split("\n");
        String header = lines[0];
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FOCUS.matcher(lines[i]);
            if (m.matches()) {
                Node focus = node(m.group(2));
                String path = null;
                String text = null;
                String value = null;
                for (int j = i + 1; j < lines.length && !FOCUS.matcher(lines[j]).matches(); j++) {
                    String l = lines[j].strip();
                    if (l.startsWith("path:"))
                        path = l.substring(5).strip();
                    else if (l.startsWith("message:"))
                        text = l.substring(8).strip();
                    else if (l.startsWith("value:"))
                        value = l.substring(6).strip();
                }
                out.add(new Problem(focus, path, (text == null ? header : text) + (value == null ? "" : " (value " + value + ")"),
                                    m.group(1).equals("Violation")));
            }
        }
        if (!out.isEmpty())
            return out;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("passage <")) {
                Matcher m = IRI.matcher(l);
                out.add(new Problem(m.find() ? NodeFactory.createURI(m.group(1)) : null, null, l, true));
            }
        }
        if (!out.isEmpty())
            return out;
        Matcher m = IRI.matcher(message);
        out.add(new Problem(m.find() ? NodeFactory.createURI(m.group(1)) : null, null, message, true));
        return out;
    }

    private List<Problem> hygiene(KnowledgeGraph kg, Set<Node> own) {
        List<Problem> out = new ArrayList<>();
        Path folder = ShippedSources.locate().queriesDir().resolve("hygiene");
        List<Path> queries;
        try (Stream<Path> files = Files.list(folder)) {
            queries = files.filter(f -> f.getFileName().toString().endsWith(".rq")).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (Path q : queries) {
            if (LISTS.contains(q.getFileName().toString()))
                continue;
            String text;
            try {
                text = Files.readString(q, StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            String what = text.lines().findFirst().orElse("").replaceFirst("^#\\s*", "");
            try (QueryExecution qe = QueryExecution.dataset(kg.dataset()).query(text).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution row = rs.next();
                    Node focus = null;
                    for (String v : rs.getResultVars()) {
                        RDFNode n = row.get(v);
                        if (n != null && own.contains(n.asNode())) {
                            focus = n.asNode();
                            break;
                        }
                    }
                    if (focus != null)
                        out.add(new Problem(focus, null, what + " (" + q.getFileName() + ")", false));
                }
            }
        }
        return out;
    }

    private static Node node(String written) {
        if (written.startsWith("<") && written.endsWith(">"))
            return NodeFactory.createURI(written.substring(1, written.length() - 1));
        return NodeFactory.createURI(written);
    }
}
