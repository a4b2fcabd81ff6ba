package org.stargatekg.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stargatekg.load.Sentences;

/**
 * Finds where an article names people and organizations: entities the graph knows, by any of their names (a name
 * that several share goes to the one whose description and types best match the sentence), and new ones, proposed
 * where a capitalized name comes with a sign of what it is — a title or role ("Dr.", "CEO"), a company suffix
 * ("Inc.", "Group"), a speech verb, or a surname used again alone.
 */
final class Mentions {

    private static final Set<String> TITLES = Set.of("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "President", "Senator", "Sen.",
            "Rep.", "Gov.", "Governor", "Judge", "Minister", "Chancellor", "Mayor", "Sir", "Dame", "Lord", "Lady");
    private static final String ROLES = "(?:CEO|chief executive(?: officer)?|founder|co-founder|chair(?:man|woman|person)?|"
            + "president|director|spokes(?:man|woman|person)|analyst|economist|professor|minister|secretary|reporter|head|"
            + "manager|official|executive|investor|engineer|researcher|scientist|mayor|governor|senator|partner|leader)";
    private static final Pattern ROLE_BEFORE = Pattern.compile("(?i)\\b" + ROLES + ",?\\s+$");
    private static final Pattern ROLE_AFTER = Pattern.compile("(?i)^,\\s+(?:the\\s+|a\\s+|an\\s+|its\\s+|their\\s+)?(?:\\p{L}+\\s+)?" + ROLES + "\\b");
    private static final Pattern AFTER_PREPOSITION = Pattern.compile("\\b(?:at|of|from|with|for|by|in|to)\\s+$");
    private static final Set<String> ORG_SUFFIX = Set.of("Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "LLC",
            "Group", "Bank", "Company", "Co.", "Association", "Institute", "University", "Agency", "Foundation", "Council",
            "Ministry", "Department", "Commission", "Authority", "Fund", "Capital", "Partners", "Labs", "Technologies",
            "Systems", "Holdings", "Motors", "Airlines", "Industries", "Trust", "Bureau", "Committee", "Federation", "Union",
            "Society", "Club", "Network", "Media", "News", "Times", "Post", "Journal", "Ventures", "Energy", "Pharmaceuticals",
            "AG", "SE", "GmbH", "S.A.", "PLC", "plc", "Securities", "Advisors", "Research", "Analytics", "Consulting",
            "Associates", "Studios", "Pharma", "Therapeutics", "Bancorp", "Insurance", "Investments", "Management",
            "Airways", "Communications", "Solutions", "Software", "Robotics", "Electronics", "Brands", "Markets");
    private static final Set<String> FUNCTION = Set.of("The", "A", "An", "In", "On", "At", "When", "While", "As", "After",
            "Before", "But", "And", "If", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "My",
            "Your", "Although", "Though", "Because", "Since", "Meanwhile", "However", "Still", "Yet", "So", "Then", "Now",
            "For", "From", "With", "By", "Of", "To", "According", "Pending", "Despite", "During", "Under", "Over", "Last",
            "Next", "Earlier", "Later", "Also", "Even", "Some", "Many", "Most", "Both", "Each", "Every", "No", "Not", "It",
            "He", "She", "They", "We", "I", "You", "There", "Here", "What", "Who", "Why", "How", "Where", "Which");
    private static final Set<String> CONNECTORS = Set.of("de", "van", "von", "der", "da", "del", "la", "le", "bin", "al", "du", "of");
    private static final Pattern CAPITALIZED = Pattern.compile(
            "\\p{Lu}[\\p{L}\\p{M}’'&-]*\\.?(?:\\s+(?:(?:de|van|von|der|da|del|la|le|bin|al|du|of)\\s+)?\\p{Lu}[\\p{L}\\p{M}’'&-]*\\.?)*");

    private Mentions() {}

    /** Every mention of a known or new person or organization (and of other known entities), in text order. */
    static List<Draft.Mention> find(String text, List<Sentences.Span> sentences, KnownEntities known, String idNamespace) {
        List<Draft.Mention> out = new ArrayList<>(knownMentions(text, sentences, known));
        out.addAll(newMentions(text, sentences, known, idNamespace, out));
        out.sort(Comparator.comparingInt(Draft.Mention::begin).thenComparingInt(m -> -m.end()));
        return out;
    }

    private static List<Draft.Mention> knownMentions(String text, List<Sentences.Span> sentences, KnownEntities known) {
        Map<String, List<KnownEntities.Known>> bySpan = new LinkedHashMap<>();
        for (KnownEntities.Known k : known.all())
            for (String name : k.names())
                for (int at : occurrences(text, name))
                    bySpan.computeIfAbsent(at + ":" + (at + name.length()), x -> new ArrayList<>()).add(k);
        List<Draft.Mention> found = new ArrayList<>();
        bySpan.forEach((span, ks) -> {
            int begin = Integer.parseInt(span.split(":")[0]);
            int end = Integer.parseInt(span.split(":")[1]);
            for (KnownEntities.Known k : best(ks.stream().distinct().toList(), sentenceAround(text, sentences, begin)))
                found.add(new Draft.Mention(begin, end, k.entity()));
        });
        // A shorter name inside a longer one of the same entity is the same mention ("Musk" in "Elon Musk").
        found.removeIf(m -> found.stream().anyMatch(o -> o != m && o.entity().equals(m.entity())
                                                         && o.begin() <= m.begin() && o.end() >= m.end()
                                                         && o.end() - o.begin() > m.end() - m.begin()));
        return found;
    }

    /** The candidates whose description and types share most content words with the sentence (all of them on a tie). */
    private static List<KnownEntities.Known> best(List<KnownEntities.Known> candidates, String sentence) {
        if (candidates.size() < 2)
            return candidates;
        Set<String> words = Words.content(sentence);
        int top = -1;
        List<KnownEntities.Known> out = new ArrayList<>();
        for (KnownEntities.Known k : candidates) {
            int score = (int) k.context().stream().filter(words::contains).count();
            if (score > top) {
                top = score;
                out.clear();
            }
            if (score == top)
                out.add(k);
        }
        return out;
    }

    private static List<Draft.Mention> newMentions(String text, List<Sentences.Span> sentences, KnownEntities known,
                                                   String idNs, List<Draft.Mention> taken) {
        Map<String, Draft.Entity> proposed = new LinkedHashMap<>();
        List<Draft.Mention> out = new ArrayList<>();
        int headlineEnd = titleCaseHeadlineEnd(text);
        for (Sentences.Span s : sentences) {
            if (s.end() <= headlineEnd)
                continue;   // In A Title-Case Headline every word is capitalized: names there are found again in the body.
            Matcher m = CAPITALIZED.matcher(text).region(s.begin(), s.end());
            while (m.find()) {
                int begin = m.start();
                int end = m.end();
                List<String> tokens = new ArrayList<>(List.of(m.group().split("\\s+")));
                boolean titled = false;
                // Leading function words and sentence adverbs are capitalized only because a sentence starts there.
                while (!tokens.isEmpty() && (FUNCTION.contains(tokens.get(0)) || TITLES.contains(tokens.get(0))
                                             || (begin == s.begin() && tokens.get(0).endsWith("ly")))) {
                    titled |= TITLES.contains(tokens.get(0));
                    begin = text.indexOf(tokens.get(0), begin) + tokens.get(0).length();
                    while (begin < end && Character.isWhitespace(text.charAt(begin)))
                        begin++;
                    tokens.remove(0);
                }
                // A possessive or a full stop that ends the sentence is not part of the name.
                while (!tokens.isEmpty()) {
                    String last = tokens.get(tokens.size() - 1);
                    String trimmed = last.replaceAll("[’']s?$", "").replaceAll("\\.$", "");
                    if (ORG_SUFFIX.contains(last) || trimmed.equals(last) || trimmed.isEmpty())
                        break;
                    end -= last.length() - trimmed.length();
                    tokens.set(tokens.size() - 1, trimmed);
                }
                if (tokens.isEmpty() || begin >= end || overlaps(taken, begin, end) || overlaps(out, begin, end))
                    continue;
                if (tokens.size() == 1 && begin == s.begin())
                    continue;
                if (tokens.stream().allMatch(t -> t.equals(t.toUpperCase(Locale.ROOT))))
                    continue;   // acronyms ("AI", "CEO") are too often not names
                String name = text.substring(begin, end);
                Draft.Kind kind = classify(text, tokens, titled, begin, end);
                if (kind == null)
                    continue;
                Draft.Entity e = proposed.computeIfAbsent(name, n -> entity(n, kind, idNs, known));
                out.add(new Draft.Mention(begin, end, e));
            }
        }
        // A new person's surname used alone later names the same person.
        for (Draft.Entity e : List.copyOf(proposed.values())) {
            if (e.kind() != Draft.Kind.PERSON)
                continue;
            String[] parts = e.name().split("\\s+");
            if (parts.length < 2)
                continue;
            for (int at : occurrences(text, parts[parts.length - 1])) {
                int end = at + parts[parts.length - 1].length();
                if (!overlaps(out, at, end) && !overlaps(taken, at, end))
                    out.add(new Draft.Mention(at, end, e));
            }
        }
        return out;
    }

    /** Person, organization, or null when nothing says which (such names are left to the author). */
    private static Draft.Kind classify(String text, List<String> tokens, boolean titled, int begin, int end) {
        if (ORG_SUFFIX.contains(tokens.get(tokens.size() - 1)))
            return Draft.Kind.ORGANIZATION;
        boolean nameLike = tokens.size() >= 2 && tokens.size() <= 4
                           && tokens.stream().allMatch(t -> CONNECTORS.contains(t) || t.matches("\\p{Lu}[\\p{Ll}\\p{M}’'-]+\\.?|\\p{Lu}\\."));
        if (titled && !tokens.isEmpty())
            return Draft.Kind.PERSON;
        if (!nameLike)
            return null;
        String before = text.substring(Math.max(0, begin - 40), begin);
        if (ROLE_BEFORE.matcher(before).find())
            return Draft.Kind.PERSON;
        String after = text.substring(end, Math.min(text.length(), end + 40));
        if (ROLE_AFTER.matcher(after).find())
            return Draft.Kind.PERSON;   // "Jane Roe, chief executive of …"
        if (AFTER_PREPOSITION.matcher(before).find())
            return null;   // "analysts at Northwind …": more often a place or an organization, and nothing says which
        List<String> lead = Words.words(before);
        if (!lead.isEmpty() && Words.is(Words.SPEECH, lead.get(lead.size() - 1)) && before.matches("(?s).*\\p{L}\\s+$"))
            return Draft.Kind.PERSON;   // "…," said Jane Roe
        Matcher verb = Pattern.compile("^,?\\s+(?:who\\b|(\\p{L}+))").matcher(after);
        if (verb.find() && (verb.group(1) == null || Words.is(Words.SPEECH, verb.group(1))))
            return Draft.Kind.PERSON;
        String surname = tokens.get(tokens.size() - 1);
        for (int at : occurrences(text, surname))
            if (at < begin || at >= end)
                if (!text.startsWith(String.join(" ", tokens), Math.max(0, at - (String.join(" ", tokens).length() - surname.length()))))
                    return Draft.Kind.PERSON;
        return null;
    }

    /** The end of the first line if most of its words are capitalized (a headline in title case), else 0. */
    private static int titleCaseHeadlineEnd(String text) {
        int nl = text.indexOf('\n');
        if (nl < 0)
            return 0;
        List<String> words = Words.words(text.substring(0, nl));
        long capitalized = words.stream().filter(w -> Character.isUpperCase(w.charAt(0))).count();
        return words.size() >= 3 && capitalized * 3 >= words.size() * 2 ? nl : 0;
    }

    private static Draft.Entity entity(String name, Draft.Kind kind, String idNs, KnownEntities known) {
        String local = Words.slug(name);
        for (KnownEntities.Known k : known.all())
            if (k.entity().iri().equals(idNs + local))
                return k.entity();
        return new Draft.Entity(idNs + local, local, false, kind, name);
    }

    private static boolean overlaps(List<Draft.Mention> mentions, int begin, int end) {
        return mentions.stream().anyMatch(m -> m.begin() < end && m.end() > begin);
    }

    private static String sentenceAround(String text, List<Sentences.Span> sentences, int at) {
        for (Sentences.Span s : sentences)
            if (s.begin() <= at && at < s.end())
                return s.in(text);
        return "";
    }

    /** Where a name occurs as whole words (not inside a longer word). */
    static List<Integer> occurrences(String text, String name) {
        List<Integer> out = new ArrayList<>();
        if (name.isEmpty())
            return out;
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int e = i + name.length();
            boolean endOk = e >= text.length() || !Character.isLetterOrDigit(text.charAt(e));
            if (startOk && endOk)
                out.add(i);
        }
        return out;
    }
}
