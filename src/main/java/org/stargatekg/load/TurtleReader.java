package org.stargatekg.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIs;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangTurtle;
import org.apache.jena.riot.system.CDTAwareParserProfile;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.FactoryRDF;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.riot.tokens.Tokenizer;
import org.apache.jena.riot.tokens.TokenizerText;
import org.apache.jena.sparql.graph.GraphFactory;

/** Parses one Turtle file against the dataset namespace and turns every parser complaint, warnings included, into a {@link LoadException}. */
public final class TurtleReader {

    private TurtleReader() {}

    /**
     * Parses a Turtle file with relative IRIs resolved against the dataset namespace; fails naming file, line and column,
     * and also fails on bytes that are not UTF-8 and on a file that states no triples.
     */
    public static Graph read(Path file, String base) {
        Graph graph = GraphFactory.createDefaultGraph();
        // The graph keeps the file's prefixes too (error reports abbreviate with the shapes file's own).
        parse(file, iris(base), new Tokenizer[1], StreamRDFLib.graph(graph));
        if (graph.isEmpty())
            throw new LoadException("Turtle file " + SourceFiles.describe(file) + " states no triples; delete it or give it content");
        return graph;
    }

    /** The file's triples in the order stated, checked as {@link #read} checks them, without building a graph. */
    static List<Triple> triples(Path file, String base) {
        return triples(file, iris(base), null, null);
    }

    /**
     * IRI resolution against the dataset namespace, as the parser profile of {@link #read} does it for each file
     * (relative IRIs resolved, none left relative), for one thread to share among the files of a folder: an IRI that
     * resolved and passed every check without a complaint is not parsed and checked again (the same string always
     * gives the same node and no complaint); any other is, at each use, so each complaint is still reported where it
     * is. Resolving took a third of reading a folder at scale, more than half of it the same IRIs again.
     */
    static Iris iris(String base) {
        return new Iris(base, IRIxResolver.create(IRIs.resolveIRI(base)).resolve(true).allowRelative(false).build(), new HashMap<>());
    }

    /**
     * The calling thread's {@link #iris}, kept from one folder to the next so that the ontology's terms and other
     * IRIs that many articles share are resolved once per thread; started afresh once it holds {@value #KEPT} IRIs.
     */
    static Iris irisOfThisThread(String base) {
        Iris kept = THREAD_IRIS.get();
        if (kept == null || !kept.base().equals(base) || kept.clean().size() > KEPT) {
            kept = iris(base);
            THREAD_IRIS.set(kept);
        }
        return kept;
    }

    private static final int KEPT = 50_000;
    private static final ThreadLocal<Iris> THREAD_IRIS = new ThreadLocal<>();

    /** A resolver for one base and the IRIs it has resolved without complaint; for one thread only. */
    record Iris(String base, IRIxResolver resolver, Map<String, Node> clean) {}

    /**
     * As {@link #triples(Path, String)}, also recording in {@code lines} the line on which each triple whose predicate
     * is {@code linePredicate} is stated (for error messages that point an author at one statement).
     */
    static List<Triple> triples(Path file, Iris iris, Node linePredicate, Map<Triple, Long> lines) {
        List<Triple> triples = new ArrayList<>();
        Tokenizer[] tokenizer = new Tokenizer[1];
        parse(file, iris, tokenizer, new StreamRDFBase() {
            @Override
            public void triple(Triple triple) {
                triples.add(triple);
                // The parser emits a triple once it has read its object; the tokenizer is then on that line or
                // just past it, at the ';' or '.' that follows.
                if (lines != null && triple.getPredicate().equals(linePredicate))
                    lines.put(triple, tokenizer[0].getLine());
            }
        });
        if (triples.isEmpty())
            throw new LoadException("Turtle file " + SourceFiles.describe(file) + " states no triples; delete it or give it content");
        return triples;
    }

    private static void parse(Path file, Iris iris, Tokenizer[] tokenizer, StreamRDF dest) {
        String name = SourceFiles.describe(file);
        String text = decode(file, name);
        Problems problems = new Problems();
        try {
            // The profile checks, as RDFParser's checking(true) does: it reports ill-formed literals ("abc"^^xsd:decimal)
            // and bad IRIs, and Problems turns those warnings into a failure. It is RiotLib.profile(Lang.TURTLE, ...)
            // but for IRIs, which the caller's Iris resolves (see iris); a fresh blank node labelling and prefix map
            // per file. The tokenizer reads the decoded text as it is; RDFParser.fromString would copy it through a
            // fresh 128K-character buffer for every file.
            ParserProfile profile = new RememberingProfile(RiotLib.factoryRDF(SyntaxLabels.createLabelToNode()), problems, iris);
            Tokenizer tokens = TokenizerText.create().fromString(text).errorHandler(problems).build();
            tokenizer[0] = tokens;
            new LangTurtle(tokens, profile, dest).parse();
        } catch (RiotException ex) {
            if (problems.list.isEmpty())
                throw new LoadException(name + ": " + ex.getMessage(), ex);
        }
        if (!problems.list.isEmpty())
            throw new LoadException("Turtle syntax problem in " + name + ":\n  " + String.join("\n  ", problems.list));
    }

    /** The file's text, decoded as strict UTF-8: a parser reading leniently would turn a Latin-1 byte into U+FFFD. */
    private static String decode(Path file, String name) {
        String text = strictDecode(file, name);
        // A byte order mark (editors on Windows write one) is not Turtle: Jena read it as a keyword ("Out of place").
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String strictDecode(Path file, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException ex) {
            throw new LoadException("Cannot read " + name + ": " + ex.getMessage(), ex);
        }
        // The String constructor decodes straight into the string and puts U+FFFD for every byte sequence the strict
        // decoder refuses: without one, the text is what the strict decoder gives. A file that holds U+FFFD (written
        // as such, or made by bad bytes) goes through the strict decoder, which says which.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0)
            return fast;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                                                       .onMalformedInput(CodingErrorAction.REPORT)
                                                       .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException ex) {
            throw new LoadException("Turtle file " + name + " is not valid UTF-8: " + badByte(bytes));
        }
    }

    /** "line L, column C: byte 0xNN" for the first byte that does not start or continue a UTF-8 sequence. */
    private static String badByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                                                       .onMalformedInput(CodingErrorAction.REPORT)
                                                       .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int at = in.position();
        long line = 1;
        long column = 1;
        String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
        for (int i = 0; i < before.length(); i = before.offsetByCodePoints(i, 1)) {
            if (before.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column + ": byte 0x" + String.format("%02X", bytes[at] & 0xFF)
               + " (is the file saved as Latin-1 or Windows-1252?)";
    }

    /**
     * RiotLib's parser profile (CDTAwareParserProfile) that takes an IRI the folder has already resolved without
     * complaint from {@link Iris#clean}; blank-node and prefix-fixup IRIs, and every IRI of a file that sets its own
     * base, go through Jena as usual.
     */
    private static final class RememberingProfile extends CDTAwareParserProfile {
        private final Problems problems;
        private final Map<String, Node> clean;
        private boolean ownBase;

        RememberingProfile(FactoryRDF factory, Problems problems, Iris iris) {
            super(factory, problems, iris.resolver(), PrefixMapFactory.create(), RIOT.getContext().copy(), true, false);
            this.problems = problems;
            this.clean = iris.clean();
        }

        @Override
        public Node createURI(String x, long line, long col) {
            if (ownBase || RiotLib.isBNodeIRI(x) || RiotLib.isPrefixIRI(x))
                return super.createURI(x, line, col);
            Node known = clean.get(x);
            if (known != null)
                return known;
            int before = problems.list.size();
            Node node = super.createURI(x, line, col);
            if (problems.list.size() == before)
                clean.put(x, node);
            return node;
        }

        @Override
        public void setBaseIRI(String base) {
            ownBase = true;
            super.setBaseIRI(base);
        }
    }

    /** Records each complaint as "line L, column C: message"; errors stop the parser, warnings are kept and fail the file afterwards. */
    private static final class Problems implements ErrorHandler {
        final List<String> list = new ArrayList<>();

        @Override
        public void warning(String message, long line, long col) {
            list.add(where(line, col) + message);
        }

        @Override
        public void error(String message, long line, long col) {
            list.add(where(line, col) + message);
            throw new RiotException(message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            list.add(where(line, col) + message);
            throw new RiotException(message);
        }

        private static String where(long line, long col) {
            return line < 0 ? "" : "line " + line + ", column " + col + ": ";
        }
    }
}
