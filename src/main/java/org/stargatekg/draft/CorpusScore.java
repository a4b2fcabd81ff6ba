package org.stargatekg.draft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Precision and recall of drafts over a corpus folder of articles ({@code NN-slug.txt}) with hand-made gold files
 * ({@code NN-slug.gold.tsv}: person, org, quote and amount lines), summed over the articles. Matching, after names and
 * words are normalised (case, spacing, curly apostrophes, a possessive "'s", a leading "the", a trailing comma):
 * <ul>
 * <li>quotations: a proposed quotation (with or without a speaker) whose words equal a gold quotation's, one to one;</li>
 * <li>speakers: of gold quotations with a speaker, those whose matched proposal has a speaker going by one of the
 *     gold speaker's names (its canonical name or an alias; a group phrase such as "the plaintiffs" by that phrase);
 *     precision over the proposals with a speaker that match a gold quotation;</li>
 * <li>amounts: number and currency equal, one to one; an amount written in the same words twice in one article (a
 *     headline and its story) counts once, as the gold files list each wording once;</li>
 * <li>people, organizations: a proposed entity of that kind one of whose names (its label or the words of any of its
 *     mentions) equals one of a gold entity's names, one to one: a second entity for the same gold one (an alias
 *     left unmerged) counts as a wrong proposal, an entity of the wrong kind as a wrong proposal and a miss.</li>
 * </ul>
 */
public final class CorpusScore {

    /** The fields measured, in the order they are printed. */
    public static final List<String> FIELDS = List.of("quotations", "speakers", "amounts", "people", "organizations");

    private final Map<String, int[]> totals = new LinkedHashMap<>();
    private final List<String> details = new ArrayList<>();
    private int articles;

    private CorpusScore() {
        FIELDS.forEach(f -> totals.put(f, new int[4]));
    }

    /** Drafts every article of a corpus folder that has a gold file and scores the drafts. */
    public static CorpusScore of(Path folder, KnownEntities known, String idNamespace) {
        CorpusScore score = new CorpusScore();
        List<Path> texts;
        try (Stream<Path> files = Files.list(folder)) {
            texts = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (Path txt : texts) {
            Path gold = txt.resolveSibling(txt.getFileName().toString().replaceAll("\\.txt$", ".gold.tsv"));
            if (!Files.isRegularFile(gold))
                continue;
            try {
                String text = Files.readString(txt, StandardCharsets.UTF_8);
                String name = Words.slug(txt.getFileName().toString().replaceAll("\\.txt$", ""));
                score.add(txt.getFileName().toString(), Drafter.draft(name, text, known, idNamespace),
                          Gold.parse(Files.readString(gold, StandardCharsets.UTF_8)));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return score;
    }

    /** The hand-made answers for one article. */
    record Gold(List<Set<String>> people, List<Set<String>> organizations, List<String[]> quotes, List<String> amounts) {
        static Gold parse(String tsv) {
            Gold g = new Gold(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (String line : tsv.split("\r?\n")) {
                if (line.isBlank() || line.startsWith("#"))
                    continue;
                String[] c = line.split("\t", -1);
                switch (c[0].trim()) {
                    case "person", "org" -> {
                        Set<String> names = new LinkedHashSet<>();
                        names.add(norm(c[1]));
                        if (c.length > 2)
                            for (String a : c[2].split("\\|"))
                                if (!a.isBlank())
                                    names.add(norm(a));
                        (c[0].trim().equals("person") ? g.people : g.organizations).add(names);
                    }
                    case "quote" -> g.quotes.add(new String[] {words(c[1]), c.length > 2 ? c[2].trim() : "?"});
                    case "amount" -> g.amounts.add(amount(new BigDecimal(c[1].trim()), c[2].trim()));
                    default -> { }
                }
            }
            return g;
        }

        /** The names of a gold speaker: the entity's it names, or the phrase itself. */
        Set<String> speakerNames(String speaker) {
            String n = norm(speaker);
            for (Set<String> e : people)
                if (e.contains(n))
                    return e;
            for (Set<String> e : organizations)
                if (e.contains(n))
                    return e;
            return Set.of(n);
        }
    }

    private void add(String article, Draft draft, Gold gold) {
        articles++;
        List<String> misses = new ArrayList<>();
        // Quotations, with or without a speaker.
        List<Draft.Statement> proposed = new ArrayList<>();
        draft.statements.stream().filter(Draft.Statement::verbatim).forEach(proposed::add);
        proposed.addAll(draft.unattributed);
        List<Draft.Statement> free = new ArrayList<>(proposed);
        Map<String[], Draft.Statement> matched = new LinkedHashMap<>();
        for (String[] q : gold.quotes()) {
            Draft.Statement hit = free.stream().filter(st -> words(st.words).equals(q[0])).findFirst().orElse(null);
            if (hit != null) {
                free.remove(hit);
                matched.put(q, hit);
            } else
                misses.add("  missed quotation \u201C" + q[0] + "\u201D (" + q[1] + ")");
        }
        free.forEach(st -> misses.add("  extra quotation \u201C" + st.words + "\u201D"));
        count("quotations", proposed.size(), gold.quotes().size(), matched.size(), matched.size());
        int right = 0;
        int attributed = 0;
        int expected = 0;
        for (String[] q : gold.quotes()) {
            Draft.Statement st = matched.get(q);
            boolean known = !q[1].equals("?");
            if (known)
                expected++;
            if (st == null || st.speaker == null)
                continue;
            attributed++;
            Set<String> names = names(draft, st.speaker);
            if (known && names.stream().anyMatch(gold.speakerNames(q[1])::contains))
                right++;
            else
                misses.add("  wrong speaker " + st.speaker.name() + " for \u201C" + q[0] + "\u201D (gold: " + q[1] + ")");
        }
        count("speakers", attributed, expected, right, right);
        // Amounts as multisets of number and currency; the same words twice in one article count once (as in the gold files).
        Set<String> seen = new HashSet<>();
        List<Draft.Amount> distinct = draft.amounts.stream()
                .filter(a -> seen.add(amount(a.number(), a.currency()) + " " + words(a.statedAs()).toLowerCase(Locale.ROOT))).toList();
        List<String> amounts = new ArrayList<>(distinct.stream().map(a -> amount(a.number(), a.currency())).toList());
        int amountHits = 0;
        for (String a : gold.amounts())
            if (amounts.remove(a))
                amountHits++;
            else
                misses.add("  missed amount " + a);
        amounts.forEach(a -> misses.add("  extra amount " + a));
        count("amounts", distinct.size(), gold.amounts().size(), amountHits, amountHits);
        entities("people", Draft.Kind.PERSON, draft, gold.people(), misses);
        entities("organizations", Draft.Kind.ORGANIZATION, draft, gold.organizations(), misses);
        if (!misses.isEmpty())
            details.add(article + "\n" + String.join("\n", misses));
    }

    private void entities(String field, Draft.Kind kind, Draft draft, List<Set<String>> gold, List<String> misses) {
        List<Draft.Entity> proposed = draft.entities().stream().filter(e -> e.kind() == kind).toList();
        Set<Set<String>> found = new HashSet<>();
        int correct = 0;
        for (Draft.Entity e : proposed) {
            Set<String> names = names(draft, e);
            Set<String> hit = gold.stream().filter(g -> !found.contains(g) && g.stream().anyMatch(names::contains)).findFirst().orElse(null);
            if (hit != null) {
                found.add(hit);
                correct++;
            } else
                misses.add("  extra " + field + " " + e.name() + " " + names);
        }
        for (Set<String> g : gold)
            if (!found.contains(g))
                misses.add("  missed " + field + " " + g);
        count(field, proposed.size(), gold.size(), correct, found.size());
    }

    /** The normalised names an entity goes by in a draft: its label and the words of each of its mentions. */
    private static Set<String> names(Draft draft, Draft.Entity e) {
        Set<String> out = new LinkedHashSet<>();
        out.add(norm(e.name()));
        for (Draft.Mention m : draft.mentions)
            if (m.entity().equals(e))
                out.add(norm(draft.text.substring(m.begin(), m.end())));
        return out;
    }

    private void count(String field, int proposed, int expected, int correctProposed, int foundExpected) {
        int[] t = totals.get(field);
        t[0] += proposed;
        t[1] += expected;
        t[2] += correctProposed;
        t[3] += foundExpected;
    }

    /** The measure of one field, summed over the articles. */
    public DraftScore.Measure get(String field) {
        int[] t = totals.get(field);
        return new DraftScore.Measure(field, t[0], t[1], t[2], t[3]);
    }

    /** How many articles were scored. */
    public int articles() {
        return articles;
    }

    /** One line per field. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        FIELDS.forEach(f -> sb.append(get(f).line()).append('\n'));
        return sb.toString();
    }

    /** What differed, article by article: missed and extra items, wrong speakers. */
    public String details() {
        return String.join("\n", details);
    }

    static String norm(String name) {
        String s = name.strip().replace('\u2019', '\'').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        s = s.replaceAll("'s?$", "");
        s = s.replaceAll("^the ", "");
        return s.replaceAll("[,.]$", "").strip();
    }

    static String words(String quoted) {
        return quoted.strip().replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("\\s+", " ").replaceAll("[,\\s]+$", "");
    }

    private static String amount(BigDecimal n, String currency) {
        return n.stripTrailingZeros().toPlainString() + " " + currency;
    }
}
