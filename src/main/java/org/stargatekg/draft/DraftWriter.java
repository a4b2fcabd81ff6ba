package org.stargatekg.draft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * Writes a {@link Draft} as an article folder: {@code article.txt} byte for byte, and Turtle split by subject
 * ({@code article.ttl} with the article and its passages, {@code entities.ttl}, {@code statements.ttl},
 * {@code money.ttl}) in the prefixes the data already uses. Passages give only their words (and an occurrence number
 * when the words repeat); every proposal is marked {@code sg:reviewStatus sg:NotReviewed}.
 */
public final class DraftWriter {

    private static final Map<String, String> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#");
        STANDARD.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        STANDARD.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        STANDARD.put("dcterms", "http://purl.org/dc/terms/");
        STANDARD.put("schema", "https://schema.org/");
        STANDARD.put("skos", "http://www.w3.org/2004/02/skos/core#");
    }

    private static final Map<String, String> CURRENCY_NAMES = Map.ofEntries(Map.entry("USD", "US dollar"),
            Map.entry("EUR", "euro"), Map.entry("GBP", "pound sterling"), Map.entry("JPY", "Japanese yen"),
            Map.entry("CNY", "Chinese yuan"), Map.entry("INR", "Indian rupee"), Map.entry("CHF", "Swiss franc"),
            Map.entry("CAD", "Canadian dollar"), Map.entry("AUD", "Australian dollar"), Map.entry("NZD", "New Zealand dollar"),
            Map.entry("HKD", "Hong Kong dollar"), Map.entry("SGD", "Singapore dollar"), Map.entry("KRW", "South Korean won"),
            Map.entry("NGN", "Nigerian naira"));

    private static final String REVIEW = "    sg:reviewStatus sg:NotReviewed ;\n";

    private final Draft draft;
    private final DataPrefixes prefixes;
    private final String idNamespace;
    private final KnownEntities known;

    /** A writer for a draft whose entity IRIs lie in {@code idNamespace} (the data's id: prefix, resolved). */
    public DraftWriter(Draft draft, DataPrefixes prefixes, String idNamespace, KnownEntities known) {
        this.draft = draft;
        this.prefixes = prefixes;
        this.idNamespace = idNamespace;
        this.known = known;
    }

    /** Writes the folder (created if absent; the files it writes are replaced) and returns the files written. */
    public List<Path> write(Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            written.add(Files.writeString(dir.resolve("article.txt"), draft.text, StandardCharsets.UTF_8));
            written.add(Files.writeString(dir.resolve("article.ttl"), article(), StandardCharsets.UTF_8));
            // The loader refuses a Turtle file that states no triples: a file with nothing to propose is not written
            // (and one left by an earlier draft of the same folder is removed).
            file(dir, "entities.ttl", draft.entities().isEmpty() ? null : entities(), written);
            file(dir, "statements.ttl", draft.statements.isEmpty() ? null : statements(), written);
            file(dir, "money.ttl", draft.amounts.isEmpty() ? null : money(), written);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return written;
    }

    private static void file(Path dir, String name, String turtle, List<Path> written) throws IOException {
        Path f = dir.resolve(name);
        if (turtle == null)
            Files.deleteIfExists(f);
        else
            written.add(Files.writeString(f, turtle, StandardCharsets.UTF_8));
    }

    /** The article's IRI as a prefixed name. */
    String articleName() {
        return "id:" + draft.name + "-article";
    }

    private String article() {
        StringBuilder sb = header("""
                # A DRAFT of the article, made by `stargate-kg draft` from article.txt: the article, and every passage the
                # draft rests on, given by its words (the loader finds their offsets). Nothing here is reviewed: check
                # each proposal against the text, correct or delete it, and replace sg:NotReviewed by sg:Reviewed.
                """);
        if (draft.statements.isEmpty())
            unattributed(sb);
        sb.append(articleName()).append(" a sg:NewsArticle , nif:Context ;\n");
        String title = draft.title == null ? draft.name : draft.title;
        sb.append("    rdfs:label ").append(lit(title)).append("@en ;\n");
        sb.append("    dcterms:title ").append(lit(title)).append("@en ;\n");
        sb.append("    schema:headline ").append(lit(title)).append("@en ;\n");
        if (!draft.keywords.isEmpty())
            sb.append("    schema:keywords ").append(String.join(" , ", draft.keywords.stream().map(DraftWriter::lit).toList())).append(" ;\n");
        sb.append("    dcterms:language \"en\" ;\n");
        List<String> mentioned = draft.entities().stream().map(this::name).toList();
        if (!mentioned.isEmpty())
            sb.append("    schema:mentions ").append(String.join(" , ", mentioned)).append(" ;\n");
        List<String> described = new ArrayList<>();
        if (draft.titlePassage != null)
            described.add(ev(draft.titlePassage));
        if (draft.keywordsPassage != null)
            described.add(ev(draft.keywordsPassage));
        if (!described.isEmpty())
            sb.append("    sg:describedIn ").append(String.join(" , ", described)).append(" ;\n");
        // A text file carries no publisher, date, author or source address: the draft says so, and a reviewer who
        // knows them gives them instead (dcterms:publisher, dcterms:issued, dcterms:creator, schema:url).
        sb.append("    sg:notStated dcterms:publisher , dcterms:issued , dcterms:creator , schema:url ;\n");
        sb.append(REVIEW.replace(" ;\n", " .\n\n"));
        sb.append("# --- Passages ----------------------------------------------------------------------\n\n");
        for (Draft.Passage p : draft.passages) {
            String words = p.in(draft.text);
            sb.append(ev(p)).append(" a sg:EvidencePassage , nif:OffsetBasedString ;\n");
            sb.append("    rdfs:label ").append(lit("\u201C" + shorten(words) + "\u201D")).append("@en ;\n");
            sb.append("    nif:referenceContext ").append(articleName()).append(" ;\n");
            sb.append("    nif:anchorOf ").append(lit(words)).append(" ;\n");
            int occurrences = count(draft.text, words);
            if (occurrences > 1)
                sb.append("    sg:occurrence ").append(occurrence(draft.text, words, p.begin())).append(" ;\n");
            for (Draft.Time t : draft.times)
                if (t.passage() == p)
                    sb.append("    sg:").append(t.datatype().equals("duration") ? "statedDuration" : "statedDate").append(" ")
                      .append(lit(t.lexical())).append("^^xsd:").append(t.datatype()).append(" ;   # ")
                      .append(comment(t.statedAs())).append("\n");
            sb.append(REVIEW.replace(" ;\n", " .\n\n"));
        }
        return sb.toString();
    }

    private String entities() {
        StringBuilder sb = header("""
                # DRAFT: the people, organizations and other entities the article names. Entities the graph already holds
                # are linked by their IRI (one line each, adding this article's passage); new ones are proposed with a
                # name-based IRI and a type. Check that each link names the right one; merge or delete the new ones.
                """);
        for (Draft.Entity e : draft.entities()) {
            Draft.Passage p = passageOf(e);
            if (e.known()) {
                sb.append(name(e)).append(" sg:describedIn ").append(ev(p)).append(" .   # ").append(e.name()).append(", in the graph already\n\n");
                continue;
            }
            String type = switch (e.kind()) {
                case PERSON -> "sg:Person";
                case GROUP -> "sg:Agent";   // "the plaintiffs", "prosecutors": speakers the article names only as a group
                default -> "sg:Organization";
            };
            sb.append(name(e)).append(" a ").append(type).append(" ;\n");
            // A group is this article's ("the plaintiffs" of another story are others): its label says which article.
            String label = e.kind() == Draft.Kind.GROUP ? e.name() + " (" + draft.name + ")" : e.name();
            sb.append("    rdfs:label ").append(lit(label)).append("@en ;\n");
            sb.append("    schema:name ").append(lit(e.name())).append(" ;\n");
            String[] parts = e.name().split("\\s+");
            if (e.kind() == Draft.Kind.PERSON && parts.length > 1)
                sb.append("    skos:altLabel ").append(lit(parts[parts.length - 1])).append("@en ;\n");
            sb.append("    sg:describedIn ").append(ev(p)).append(" ;\n");
            sb.append(REVIEW.replace(" ;\n", " .\n\n"));
        }
        return sb.toString();
    }

    /** The quotations without a speaker, as comments: in statements.ttl, or in article.ttl when there is no statement. */
    private void unattributed(StringBuilder sb) {
        for (Draft.Statement st : draft.unattributed)
            sb.append("# No speaker found for the quotation ").append(comment(st.words))
              .append(": a statement needs exactly one speaker, so it is left out; add it by hand if it matters.\n");
        if (!draft.unattributed.isEmpty())
            sb.append('\n');
    }

    private String statements() {
        StringBuilder sb = header("""
                # DRAFT: who said what. Each quotation holds the words between the quotation marks (sg:verbatimText, also
                # its passage), its speaker, what it is about, whom it addresses and what it answers, where the text says
                # so; claims reported as "X said that ..." are paraphrased claims. Amounts inside a quotation are the
                # speaker's claim (a sg:Proposition), never a fact. Check the speakers first.
                """);
        unattributed(sb);
        for (Draft.Statement st : draft.statements) {
            sb.append("id:").append(st.key).append(" a ").append(st.verbatim ? "sg:DirectQuotation" : "sg:ParaphrasedClaim").append(" ;\n");
            sb.append("    rdfs:label ").append(lit(Drafter.label(st))).append("@en ;\n");
            sb.append("    sg:speaker ").append(name(st.speaker)).append(" ;\n");
            if (st.addressee != null)
                sb.append("    sg:addressee ").append(name(st.addressee)).append(" ;\n");
            Set<String> about = new LinkedHashSet<>();
            st.about.forEach(e -> about.add(name(e)));
            if (!about.isEmpty())
                sb.append("    sg:about ").append(String.join(" , ", about)).append(" ;\n");
            if (st.respondsTo != null)
                sb.append("    sg:respondsTo id:").append(st.respondsTo.key).append(" ;\n");
            if (st.verbatim)
                sb.append("    sg:verbatimText ").append(lit(st.words)).append(" ;\n");
            if (st.paraphrase != null)
                sb.append("    sg:paraphrase ").append(lit(st.paraphrase)).append(" ;\n");
            if (!st.claimed.isEmpty())
                sb.append("    sg:claims id:").append(st.key).append("-proposition ;\n");
            List<String> evidence = new ArrayList<>();
            if (st.attribution != null)
                evidence.add(ev(st.attribution));
            evidence.add(ev(st.passage));
            for (Draft.Amount a : st.claimed)
                if (!evidence.contains(ev(a.passage())))
                    evidence.add(ev(a.passage()));
            sb.append("    sg:evidence ").append(String.join(" , ", evidence)).append(" ;\n");
            sb.append(REVIEW.replace(" ;\n", " .\n\n"));
            if (!st.claimed.isEmpty()) {
                Draft.Entity subject = st.about.isEmpty() ? st.speaker : st.about.get(0);
                sb.append("id:").append(st.key).append("-proposition a sg:Proposition ;\n");
                // The label names what the structure says (the hygiene query on proposition labels checks it).
                sb.append("    rdfs:label ").append(lit("Stated amount " + st.claimed.get(0).statedAs() + " about " + subject.name()
                                                          + " (" + st.speaker.name() + "\u2019s claim)")).append("@en ;\n");
                sb.append("    sg:propositionSubject ").append(name(subject)).append(" ;\n");
                sb.append("    sg:attribute sg:StatedAmount ;\n");
                sb.append("    sg:polarity sg:Affirmed ;\n");
                sb.append("    sg:claimedAmount ").append(String.join(" , ", st.claimed.stream().map(a -> "id:" + a.key()).toList())).append(" ;\n");
                sb.append("    sg:propositionText ").append(lit(st.words)).append(" ;\n");
                sb.append(REVIEW.replace(" ;\n", " .\n\n"));
            }
        }
        return sb.toString();
    }

    private String money() {
        StringBuilder sb = header("""
                # DRAFT: every amount of money in the text, as a decimal with its currency; "under", "less than" and the
                # like make an upper bound (sg:maxValue). Attach each to the fact it measures (an investment plan, an order)
                # or, inside a quotation, it stays the speaker's claim.
                """);
        Set<String> currencies = new LinkedHashSet<>();
        for (Draft.Amount a : draft.amounts) {
            currencies.add(a.currency());
            sb.append("id:").append(a.key()).append(" a sg:MonetaryAmount ;\n");
            // The same words again (a headline and its story) get their ordinal: no two resources share a label.
            long same = draft.amounts.subList(0, draft.amounts.indexOf(a) + 1).stream().filter(o -> o.statedAs().equals(a.statedAs())).count();
            sb.append("    rdfs:label ").append(lit(same > 1 ? a.statedAs() + " (" + same + ")" : a.statedAs())).append("@en ;\n");
            sb.append("    sg:").append(a.upperBound() ? "maxValue" : "value").append(" \"").append(plain(a.number())).append("\"^^xsd:decimal ;\n");
            sb.append("    sg:currency ").append(currency(a.currency())).append(" ;\n");
            sb.append("    sg:statedAs ").append(lit(a.statedAs())).append(" ;\n");
            // Whose word it rests on: the quotation that claims it, else the article's own.
            String statedIn = draft.statements.stream().filter(st -> st.claimed.contains(a)).map(st -> "id:" + st.key)
                                              .findFirst().orElse(articleName());
            sb.append("    sg:statedIn ").append(statedIn).append(" ;\n");
            if (a.hypothetical())
                sb.append("    sg:hypothetical true ;\n");
            sb.append("    sg:describedIn ").append(ev(a.passage())).append(" ;\n");
            sb.append(REVIEW.replace(" ;\n", " .\n\n"));
        }
        for (String code : currencies)
            if (known.currency(code) == null || !known.currency(code).startsWith(idNamespace)) {
                String label = CURRENCY_NAMES.getOrDefault(code, code);
                sb.append(currency(code)).append(" a sg:Currency ;\n    rdfs:label ").append(lit(label)).append("@en ;\n")
                  .append("    skos:notation ").append(lit(code)).append(" ;\n    sg:currencyCode ").append(lit(code)).append(" .\n\n");
            }
        return sb.toString();
    }

    private String currency(String code) {
        String iri = known.currency(code);
        if (iri != null && iri.startsWith(idNamespace))
            return "id:" + iri.substring(idNamespace.length());
        return "id:" + code.toLowerCase(java.util.Locale.ROOT);
    }

    private StringBuilder header(String comment) {
        StringBuilder sb = new StringBuilder(comment).append('\n');
        for (String p : DataPrefixes.REQUIRED)
            sb.append(String.format("@prefix %-8s <%s> .%n", p + ":", prefixes.declared(p)));
        STANDARD.forEach((p, iri) -> sb.append(String.format("@prefix %-8s <%s> .%n", p + ":", iri)));
        return sb.append('\n');
    }

    private Draft.Passage passageOf(Draft.Entity e) {
        Draft.Mention m = draft.firstMention(e);
        return draft.passage("mention-" + e.local(), m.begin(), m.end());
    }

    private String name(Draft.Entity e) {
        return "id:" + e.local();
    }

    private static String ev(Draft.Passage p) {
        return "ev:" + p.key();
    }

    private static String plain(BigDecimal n) {
        return n.toPlainString();
    }

    private static String shorten(String words) {
        String one = words.replace('\n', ' ');
        return one.codePointCount(0, one.length()) <= 60 ? one : one.substring(0, one.offsetByCodePoints(0, 57)) + "...";
    }

    private static int count(String text, String words) {
        int n = 0;
        for (int i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1))
            n++;
        return n;
    }

    private static int occurrence(String text, String words, int begin) {
        int n = 0;
        for (int i = text.indexOf(words); i >= 0 && i <= begin; i = text.indexOf(words, i + 1))
            n++;
        return n;
    }

    /** A Turtle string literal, written by Jena's NodeFmtLib (which escapes what Turtle requires). */
    static String lit(String s) {
        return NodeFmtLib.strTTL(NodeFactory.createLiteralString(s));
    }

    /** Text for a one-line Turtle comment: no line breaks or control characters, at most 80 characters. */
    static String comment(String s) {
        String one = clean(s).replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
        return "\u201C" + (one.codePointCount(0, one.length()) <= 80 ? one : one.substring(0, one.offsetByCodePoints(0, 77)) + "...") + "\u201D";
    }

    private static String clean(String s) {
        return s.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r]]", "");
    }
}
