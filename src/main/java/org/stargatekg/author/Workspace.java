package org.stargatekg.author;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.stargatekg.vocab.NIF;
import org.stargatekg.vocab.Namespaces;

/**
 * One article folder under review: its text, each Turtle file's triples, the version of the folder's state, and the
 * states before it (undo) and after it (redo). Every change is made on the triples, written at once through
 * {@link FolderFiles} in deterministic Turtle, and checked by {@link Validation}; a change made on a stale version is
 * refused ({@link Conflict}).
 */
final class Workspace {

    /** A change asked on a version of the folder that is no longer the current one. */
    static final class Conflict extends RuntimeException {
        Conflict(long base, long current) {
            super("The folder changed since version " + base + " (now " + current + "): reload to see the other change");
        }
    }

    private final FolderFiles files;
    private final String name;
    private final String text;
    private final Namespaces namespaces;
    private final Validation validation;
    private final Map<String, Graph> graphs = new TreeMap<>();
    private final Map<String, String> comments = new TreeMap<>();
    private Prefixes prefixes;
    private Map<String, String> written;
    private long version;
    private final Deque<Map<String, String>> undo = new ArrayDeque<>();
    private final Deque<Map<String, String>> redo = new ArrayDeque<>();
    private Validation.Result checked;

    /** Opens the folder (finishing an interrupted save), reads it, and checks it. */
    Workspace(Path dir, Namespaces namespaces, Validation validation) {
        this.files = new FolderFiles(dir);
        this.name = files.dir().getFileName().toString();
        this.namespaces = namespaces;
        this.validation = validation;
        try {
            this.text = Files.readString(files.dir().resolve("article.txt"), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("The folder " + dir + " has no readable article.txt: " + ex.getMessage(), ex);
        }
        this.written = files.read();
        if (written.isEmpty())
            throw new IllegalArgumentException("The folder " + dir + " has no *.ttl files: draft it first");
        parse(written);
        for (Map.Entry<String, String> e : written.entrySet())
            comments.put(e.getKey(), leadingComment(e.getValue()));
        revalidate();
    }

    /** Names a node: the folder's label, else the shared graph's (set by the server), else null. */
    String labelOf(Node n, Graph folder) {
        for (Triple t : folder.find(n, org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY).toList())
            if (t.getObject().isLiteral())
                return t.getObject().getLiteralLexicalForm();
        return sharedLabels == null ? null : sharedLabels.apply(n);
    }

    private java.util.function.Function<Node, String> sharedLabels;

    /** Where labels of resources outside the folder come from. */
    void sharedLabels(java.util.function.Function<Node, String> labels) {
        this.sharedLabels = labels;
    }

    FolderFiles files() {
        return files;
    }

    String name() {
        return name;
    }

    String text() {
        return text;
    }

    Namespaces namespaces() {
        return namespaces;
    }

    Prefixes prefixes() {
        return prefixes;
    }

    synchronized long version() {
        return version;
    }

    synchronized boolean canUndo() {
        return !undo.isEmpty();
    }

    synchronized boolean canRedo() {
        return !redo.isEmpty();
    }

    synchronized Validation.Result checked() {
        return checked;
    }

    /** Each file's triples, by file name (read only: changes go through {@link #change}). */
    synchronized Map<String, Graph> graphs() {
        return graphs;
    }

    /** All the folder's triples in one graph, a copy. */
    synchronized Graph merged() {
        Graph g = GraphFactory.createDefaultGraph();
        graphs.values().forEach(f -> f.find().forEachRemaining(g::add));
        return g;
    }

    /** Every subject the folder states something about. */
    synchronized Set<Node> subjects() {
        Set<Node> out = new HashSet<>();
        graphs.values().forEach(f -> f.find().forEachRemaining(t -> out.add(t.getSubject())));
        return out;
    }

    /** An edit of the folder's triples, made on a copy and kept only if it does not throw. */
    interface Edit {
        void apply(Editor editor);
    }

    /**
     * Applies an edit made on the given base version: refused with {@link Conflict} when the folder moved on, kept on
     * disk at once (an edit that changes nothing writes nothing and keeps the version), then checked.
     */
    synchronized void change(long base, Edit edit) {
        if (base != version)
            throw new Conflict(base, version);
        Map<String, Graph> copy = new TreeMap<>();
        graphs.forEach((k, g) -> {
            Graph c = GraphFactory.createDefaultGraph();
            g.find().forEachRemaining(c::add);
            copy.put(k, c);
        });
        edit.apply(new Editor(copy, this));
        // A file whose triples did not change keeps its bytes (a hand-written file is not reformatted by a change elsewhere).
        Map<String, String> next = new TreeMap<>();
        serialize(copy).forEach((k, text) -> {
            Graph was = graphs.get(k);
            next.put(k, was != null && written.containsKey(k) && was.isIsomorphicWith(copy.get(k)) ? written.get(k) : text);
        });
        if (next.equals(written))
            return;
        undo.push(written);
        redo.clear();
        store(next);
        graphs.clear();
        graphs.putAll(copy);
    }

    /** Goes back to the state before the last change. */
    synchronized void undo(long base) {
        if (base != version)
            throw new Conflict(base, version);
        if (undo.isEmpty())
            throw new IllegalStateException("Nothing to undo");
        redo.push(written);
        restore(undo.pop());
    }

    /** Makes again the last change undone. */
    synchronized void redo(long base) {
        if (base != version)
            throw new Conflict(base, version);
        if (redo.isEmpty())
            throw new IllegalStateException("Nothing to redo");
        undo.push(written);
        restore(redo.pop());
    }

    /** Writes the files again as they are (a save with no change), for the deterministic-output check. */
    synchronized void saveAgain() {
        Map<String, String> all = new LinkedHashMap<>(serialize(graphs));
        files.save(all);
        written = files.read();
    }

    private void restore(Map<String, String> state) {
        store(state);
        parse(state);
    }

    private void store(Map<String, String> next) {
        Map<String, String> changed = new TreeMap<>();
        next.forEach((k, v) -> {
            if (!v.equals(written.get(k)))
                changed.put(k, v);
        });
        written.keySet().forEach(k -> {
            if (!next.containsKey(k))
                changed.put(k, null);
        });
        files.save(changed);
        written = new TreeMap<>(next);
        version++;
        revalidate();
    }

    private void revalidate() {
        checked = validation.check(files.dir(), subjects());
    }

    private Map<String, String> serialize(Map<String, Graph> state) {
        Map<String, String> out = new TreeMap<>();
        state.forEach((k, g) -> {
            if (!g.isEmpty() || written.containsKey(k))
                out.put(k, TurtleFiles.write(g, prefixes.map(), comments.get(k)));
        });
        return out;
    }

    private void parse(Map<String, String> state) {
        graphs.clear();
        PrefixMap all = PrefixMapFactory.create();
        for (Map.Entry<String, String> e : state.entrySet()) {
            Graph g = GraphFactory.createDefaultGraph();
            try {
                RDFParser.fromString(e.getValue(), Lang.TURTLE).base(namespaces.namespace()).parse(g);
            } catch (RiotException ex) {
                throw new IllegalArgumentException(e.getKey() + " in " + files.dir() + " is not valid Turtle: " + ex.getMessage(), ex);
            }
            if (TurtleFiles.hasBlankNodes(g))
                throw new IllegalArgumentException(e.getKey() + " in " + files.dir()
                        + " holds blank nodes, which the authoring server cannot write in a stable order: name them with IRIs");
            g.getPrefixMapping().getNsPrefixMap().forEach(all::add);
            graphs.put(e.getKey(), g);
        }
        prefixes = new Prefixes(all);
    }

    private static String leadingComment(String turtle) {
        StringBuilder sb = new StringBuilder();
        for (String line : turtle.lines().toList()) {
            if (!line.startsWith("#"))
                break;
            sb.append(line.replaceFirst("^# ?", "")).append('\n');
        }
        return sb.toString();
    }

    /** The folder's text as a node-independent helper: the words of [begin, end). */
    String words(int begin, int end) {
        if (begin < 0 || end > text.length() || begin >= end)
            throw new IllegalArgumentException("No words at [" + begin + ", " + end + ") in an article of " + text.length() + " characters");
        return text.substring(begin, end);
    }

    /** The passage's place in the text, or null. */
    int[] place(Graph merged, Node passage) {
        return Anchors.place(text, merged, passage);
    }

    /** Whether a node is a passage (it has words). */
    static boolean isPassage(Graph g, Node n) {
        return g.contains(n, NIF.anchorOf, Node.ANY) || g.contains(n, RDF.type.asNode(), NIF.OffsetBasedString);
    }

    /** The triples of a subject in a graph. */
    static List<Triple> about(Graph g, Node s) {
        return g.find(s, Node.ANY, Node.ANY).toList();
    }
}
