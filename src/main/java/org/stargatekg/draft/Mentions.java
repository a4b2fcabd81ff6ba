package org.stargatekg.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stargatekg.load.Sentences;

/**
 * Finds where an article names people and organizations: entities the graph knows, by any of their names (a name
 * that several share goes to the one whose description and types best match the sentence), and new ones, found by
 * {@link Names} from CoreNLP's named entities and news rules.
 */
final class Mentions {

    private Mentions() {}

    /** Every mention of a known or new person or organization (and of other known entities), in text order. */
    static List<Draft.Mention> find(String text, List<Sentences.Span> sentences, List<Nlp.Sentence> nlp, KnownEntities known,
                                    String idNamespace) {
        List<Draft.Mention> out = new ArrayList<>(knownMentions(text, sentences, known));
        out.addAll(Names.merge(text, Names.spans(text, nlp, out), idNamespace, known));
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
