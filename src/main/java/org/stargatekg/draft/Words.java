package org.stargatekg.draft;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Word lists and small word functions shared by the draft's rules: English, for news text. */
final class Words {

    private Words() {}

    /** Past forms that do not follow the rule; declared first, as the verb sets below are built from it. */
    private static final Map<String, List<String>> IRREGULAR = Map.of("say", List.of("said"), "tell", List.of("told"),
            "write", List.of("wrote", "written"), "shoot", List.of("shot"), "hit", List.of("hit"), "admit", List.of("admitted"));


    /** Verbs that report speech or writing, in the forms news text uses them. */
    static final Set<String> SPEECH = inflect("say", "state", "assert", "comment", "claim", "add", "tell", "write", "post",
            "tweet", "warn", "ask", "reply", "respond", "note", "explain", "argue", "insist", "declare", "announce",
            "acknowledge", "admit", "counter", "suggest", "urge", "quip", "joke", "recall", "stress", "emphasize",
            "contend", "predict", "promise", "vow", "deny", "conclude", "remark", "retort", "continue", "voice", "answer",
            "maintain", "confirm", "report", "observe", "mention", "caution", "exclaim", "complain", "boast", "concede",
            "testify", "recount", "reiterate", "lament", "assure", "scoff", "shout", "whisper", "muse", "recall", "blog");

    /** Words that make a statement an answer to an earlier one. */
    static final Set<String> RESPONSE = inflect("respond", "reply", "counter", "answer", "retort", "rebut", "fire", "hit",
            "shoot");

    /** Verbs whose object is the person spoken to. */
    static final Set<String> ADDRESS = inflect("warn", "tell", "urge", "ask", "invite", "thank", "congratulate",
            "compliment", "praise", "criticize", "accuse", "remind", "advise", "caution", "assure");


    static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("fifty", 50), Map.entry("hundred", 100));

    /** The regular-expression alternation of {@link #NUMBERS}' words. */
    static final String NUMBER_WORDS = String.join("|", NUMBERS.keySet().stream().sorted((x, y) -> y.length() - x.length()).toList());

    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with",
            "by", "at", "from", "as", "is", "are", "was", "were", "be", "been", "that", "this", "which", "who", "it", "its",
            "his", "her", "their", "he", "she", "they", "not", "but", "has", "have", "had", "what", "whose", "calls",
            "article", "than", "into", "over", "about", "s");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** The lower-cased content words of a text, plural "s" dropped: for comparing a sentence with a description. */
    static Set<String> content(String text) {
        Set<String> out = new HashSet<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.length() > 3 && w.endsWith("s"))
                w = w.substring(0, w.length() - 1);
            if (!STOP.contains(w))
                out.add(w);
        }
        return out;
    }

    /** Whether a word (as written, any case) is one of a set of verb forms. */
    static boolean is(Set<String> verbs, String word) {
        return verbs.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The words of a text, in order. */
    static List<String> words(String text) {
        return WORD.matcher(text).results().map(r -> r.group()).toList();
    }

    /** A readable IRI local name: lower case ASCII words joined by hyphens. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[’']s\\b", "s").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "x" : s;
    }

    private static Set<String> inflect(String... verbs) {
        Set<String> out = new HashSet<>();
        for (String v : verbs) {
            out.add(v);
            String stem = v.endsWith("e") ? v.substring(0, v.length() - 1) : v;
            if (v.endsWith("y") && !v.endsWith("ay")) {
                String y = v.substring(0, v.length() - 1);
                out.add(y + "ies");
                out.add(y + "ied");
                out.add(v + "ing");
            } else {
                out.add(v + (v.endsWith("s") || v.endsWith("sh") || v.endsWith("ch") ? "es" : "s"));
                out.add(stem + "ed");
                out.add(stem + "ing");
            }
        }
        for (String v : verbs)
            out.addAll(IRREGULAR.getOrDefault(v, List.of()));
        return out;
    }
}
