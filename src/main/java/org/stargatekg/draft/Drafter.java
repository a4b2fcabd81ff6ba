package org.stargatekg.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stargatekg.load.Sentences;

/**
 * Reads an article's text into a {@link Draft}: title (the first line), keywords (a last line that is a short
 * comma-separated list), mentions ({@link Mentions}), quotations with their speakers — the subject of the speech verb
 * next to the quotation, read from CoreNLP's tokens, parts of speech and lemmas outside every quotation: a name, a
 * pronoun standing for the last fitting person, "the company", a group, or the speaker of the quotation before —,
 * what each is about, whom it addresses and what it answers, claims reported as "X asserted that …", amounts (those
 * inside a quotation are the speaker's claim), durations and dates. Each rule says in its comment what it relies on.
 */
public final class Drafter {

    private static final Pattern KEYWORDS = Pattern.compile("^(?:(?:Keywords|Tags|Topics)\\s*:\\s*)?([^,.;:!?\"]{1,40}(?:,\\s*[^,.;:!?\"]{1,40})+)$");
    private static final Pattern THAT_CLAUSE = Pattern.compile("\\b(\\p{L}+)\\s+that\\s+");
    private static final int LABEL_WORDS = 8;

    private final String text;
    private final Draft draft;
    private final List<Sentences.Span> sentences;
    private final KnownEntities known;
    private final String idNamespace;
    private final List<Nlp.Sentence> nlp;
    private Speakers speakers;

    private Drafter(String name, String text, KnownEntities known, String idNamespace) {
        this.text = text;
        this.draft = new Draft(name, text);
        this.sentences = Sentences.split(text);
        this.known = known;
        this.idNamespace = idNamespace;
        this.nlp = Nlp.annotate(text);
    }

    /**
     * Drafts an article: {@code name} prefixes every IRI it mints (the article folder's name), {@code known} holds the
     * entities to link to, {@code idNamespace} is the entity namespace as the data resolves it.
     */
    public static Draft draft(String name, String text, KnownEntities known, String idNamespace) {
        Drafter d = new Drafter(name, text, known, idNamespace);
        d.titleAndKeywords();
        d.draft.mentions.addAll(Mentions.find(text, d.sentences, d.nlp, known, idNamespace));
        List<Quotations.Found> quotes = Quotations.find(text);
        d.speakers = new Speakers(text, d.draft, d.nlp, quotes, idNamespace);
        d.quotations(quotes);
        d.paraphrases(quotes);
        d.amounts();
        d.times();
        d.mentionPassages();
        return d.draft;
    }

    private void titleAndKeywords() {
        int firstEnd = text.indexOf('\n');
        String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
        int b = 0;
        while (b < first.length() && Character.isWhitespace(first.charAt(b)))
            b++;
        int e = first.stripTrailing().length();
        if (e > b) {
            draft.title = first.substring(b, e);
            draft.titlePassage = draft.passage("title", b, e);
        }
        int lastStart = text.stripTrailing().lastIndexOf('\n') + 1;
        if (lastStart <= 0)
            return;
        String last = text.substring(lastStart).strip();
        Matcher m = KEYWORDS.matcher(last);
        if (!m.matches())
            return;
        List<String> items = new ArrayList<>();
        for (String item : m.group(1).split(","))
            if (!item.isBlank())
                items.add(item.strip());
        if (items.stream().anyMatch(i -> i.split("\\s+").length > 4))
            return;
        draft.keywords.addAll(items);
        int kb = text.indexOf(m.group(1), lastStart);
        draft.keywordsPassage = draft.passage("keywords", kb, kb + m.group(1).length());
    }

    private void quotations(List<Quotations.Found> quotes) {
        int n = 0;
        Draft.Statement last = null;
        for (int qi = 0; qi < quotes.size(); qi++) {
            Quotations.Found q = quotes.get(qi);
            int lineStart = text.lastIndexOf('\n', Math.max(0, q.open() - 1)) + 1;
            int lineEnd = text.indexOf('\n', q.open());
            if (lineEnd < 0)
                lineEnd = text.length();
            Nlp.Sentence opening = speakers.sentenceAt(q.open());
            Nlp.Sentence closing = speakers.sentenceAt(Math.max(q.open(), Math.min(q.close(), text.length()) - 1));
            int beforeFrom = Math.max(lineStart, opening == null ? lineStart : opening.begin());
            if (qi > 0 && quotes.get(qi - 1).close() >= lineStart && quotes.get(qi - 1).close() < q.open())
                beforeFrom = Math.max(beforeFrom, quotes.get(qi - 1).close() + 1);
            int afterTo = Math.min(lineEnd, closing == null ? lineEnd : Math.max(closing.end(), q.close() + 1));
            if (qi + 1 < quotes.size() && quotes.get(qi + 1).open() < afterTo)
                afterTo = quotes.get(qi + 1).open();
            int afterFrom = q.closed() ? Math.min(q.close() + 1, afterTo) : afterTo;
            // 'Roe said: "…"' / 'Roe said, "…"': a quotation that is the object of a speech verb before it belongs to
            // that verb's subject, whatever follows; otherwise the attribution after it ('"…," Roe said') comes first.
            String lead = text.substring(beforeFrom, q.open()).stripTrailing();
            Speakers.Attribution found = lead.endsWith(":") || lead.endsWith(",") ? speakers.before(beforeFrom, q.open()) : null;
            if (found == null)
                found = speakers.after(afterFrom, afterTo);
            if (found == null)
                found = speakers.before(beforeFrom, q.open());
            if (found == null && text.substring(beforeFrom, q.open()).codePoints().anyMatch(Character::isLetter))
                found = speakers.subjectOf(beforeFrom, q.open());   // a partial quotation: 'Roe called the ruling "a disgrace"'
            if (found == null && last != null && continues(last, q, lineStart))
                found = new Speakers.Attribution(last.speaker, -1, null);   // '"We won," Roe said. "They lost."': the speaker goes on
            Draft.Statement st = new Draft.Statement();
            st.verbatim = true;
            st.words = text.substring(q.begin(), q.end());
            st.begin = q.begin();
            st.end = q.end();
            if (found == null) {
                draft.unattributed.add(st);
                continue;
            }
            st.key = draft.name + "-quote-" + (++n);
            st.speaker = found.speaker();
            st.passage = draft.passage("quote-" + n, q.begin(), q.end());
            int attributionFrom = found.from() < 0 ? -1 : Math.min(found.from(), found.from() > q.close() ? found.from() : q.open());
            int attributionTo = found.from() < 0 ? -1 : found.from() > q.close() ? Math.max(found.to(), found.from()) : q.open();
            int[] attr = attributionFrom < 0 ? null : trim(attributionFrom, attributionTo);
            if (attr != null)
                st.attribution = draft.passage("quote-" + n + "-attribution", attr[0], attr[1]);
            for (Draft.Mention m : draft.mentions)
                if (m.begin() >= q.begin() && m.end() <= q.end() && !m.entity().equals(st.speaker) && !st.about.contains(m.entity()))
                    st.about.add(m.entity());
            Draft.Mention speakerMention = found.mention();
            int clauseFrom = beforeFrom;
            String clause = text.substring(speakerMention != null && speakerMention.end() <= q.open() ? speakerMention.end() : clauseFrom, q.open());
            st.addressee = addressee(speakerMention != null && speakerMention.end() <= q.open() ? speakerMention.end() : clauseFrom, q.open(), st.speaker);
            if (st.addressee != null && !st.about.contains(st.addressee))
                st.about.add(st.addressee);
            // A response word counts where the attribution is: before the quotation, or after it when the speaker is named there.
            String cues = found.from() > q.close() ? text.substring(afterFrom, afterTo) : clause;
            if (Words.words(cues).stream().anyMatch(w -> Words.is(Words.RESPONSE, w)))
                st.respondsTo = earlierBy(st.speaker, clauseFrom, q.open());
            st.paraphrase = thatClause(clause);
            draft.statements.add(st);
            last = st;
        }
    }

    /** Whether a quotation with no attribution of its own goes on from the last one: in the same or the next paragraph. */
    private boolean continues(Draft.Statement last, Quotations.Found q, int lineStart) {
        if (last.end > q.open())
            return false;
        int lastLine = text.lastIndexOf('\n', Math.max(0, last.begin - 1)) + 1;
        if (lastLine == lineStart)
            return true;
        // The next paragraph, when it opens with the quotation (blank lines between paragraphs are allowed).
        String between = text.substring(Math.min(text.length(), last.end), lineStart);
        int breaks = (int) between.chars().filter(c -> c == '\n').count();
        return q.open() == lineStart && breaks <= 2 && between.indexOf('\n') >= 0
               && text.substring(Math.min(text.length(), last.end), text.indexOf('\n', Math.min(text.length(), last.end)) < 0 ? text.length()
                                 : text.indexOf('\n', Math.min(text.length(), last.end))).codePoints().filter(Character::isLetter).count() < 80;
    }

    /** Claims reported without quotation marks: "[speaker] [speech verb] that [claim]" where no quotation follows. */
    private void paraphrases(List<Quotations.Found> quotes) {
        int n = 0;
        for (Sentences.Span s : sentences) {
            Matcher m = THAT_CLAUSE.matcher(text).region(s.begin(), s.end());
            while (m.find()) {
                if (!Words.is(Words.SPEECH, m.group(1)) || insideQuote(quotes, m.start()))
                    continue;
                int claimEnd = clauseEnd(m.end(), s.end());
                final int verbAt = m.start(1);
                if (quotes.stream().anyMatch(q -> q.open() >= claimEnd && q.open() < s.end() && text.substring(claimEnd, q.open()).matches("[\\s\\p{L},:]*")))
                    continue;   // it leads into a quotation: the quotation's statement carries it
                if (draft.statements.stream().anyMatch(st -> st.paraphrase != null && st.begin > verbAt && st.begin < s.end()))
                    continue;
                Speakers.Attribution found = subjectBefore(s.begin(), verbAt);
                if (found == null)
                    continue;
                Draft.Statement st = new Draft.Statement();
                st.key = draft.name + "-claim-" + (++n);
                st.verbatim = false;
                st.speaker = found.speaker();
                st.paraphrase = text.substring(verbAt, claimEnd);
                st.begin = verbAt;
                st.end = claimEnd;
                int[] span = trim(found.from(), claimEnd);
                if (span == null)
                    continue;
                st.passage = draft.passage("claim-" + n, span[0], span[1]);
                for (Draft.Mention mention : draft.mentions)
                    if (mention.begin() >= m.end() && mention.end() <= claimEnd && !mention.entity().equals(st.speaker)
                        && !st.about.contains(mention.entity()))
                        st.about.add(mention.entity());
                if (Words.words(text.substring(s.begin(), claimEnd)).stream().anyMatch(w -> Words.is(Words.RESPONSE, w)))
                    st.respondsTo = earlierBy(st.speaker, s.begin(), verbAt);
                draft.statements.add(st);
            }
        }
        draft.statements.sort((a, b) -> Integer.compare(a.begin, b.begin));
    }

    private void amounts() {
        int n = 0;
        for (Money.Found f : Money.find(text)) {
            n++;
            Draft.Statement claimant = null;
            for (Draft.Statement st : draft.statements)
                if (st.verbatim && f.begin() >= st.begin && f.end() <= st.end)
                    claimant = st;
            Draft.Passage passage = claimant != null ? draft.passage("amount-" + n, f.begin(), f.end())
                                                     : clausePassage("amount-" + n, f.begin(), f.end());
            Draft.Amount a = new Draft.Amount(draft.name + "-amount-" + n, f.number(), f.upperBound(), f.currency(),
                                              text.substring(f.begin(), f.end()), f.hypothetical(), passage, f.begin(), f.end());
            draft.amounts.add(a);
            if (claimant != null)
                claimant.claimed.add(a);
        }
    }

    private void times() {
        int n = 0;
        for (Times.Found f : Times.find(text))
            draft.times.add(new Draft.Time(f.lexical(), f.datatype(), text.substring(f.begin(), f.end()),
                                           clausePassage("time-" + (++n), f.begin(), f.end())));
    }

    /** Each entity's first mention is its passage (sg:describedIn). */
    private void mentionPassages() {
        for (Draft.Entity e : draft.entities()) {
            Draft.Mention m = draft.firstMention(e);
            draft.passage("mention-" + e.local(), m.begin(), m.end());
        }
    }

    /** The speaker of a "that" claim: the person or organization (or pronoun) right before the verb, adverbs and commas between. */
    private Speakers.Attribution subjectBefore(int sentenceStart, int verbAt) {
        String lead = text.substring(sentenceStart, verbAt);
        Matcher tail = Pattern.compile("(?:,?\\s+\\p{Ll}+ly)*,?\\s*$").matcher(lead);
        int end = tail.find() ? sentenceStart + tail.start() : verbAt;
        for (Draft.Mention m : draft.mentions)
            if (m.end() == end && !possessive(m) && m.entity().kind() != Draft.Kind.OTHER)
                return new Speakers.Attribution(m.entity(), m.begin(), m);
        // "The Acme Group, a maker of widgets, said that …": the sentence's first agent, then an apposition.
        for (Draft.Mention m : draft.mentions)
            if (m.begin() >= sentenceStart && m.end() <= end && !possessive(m) && m.entity().kind() != Draft.Kind.OTHER) {
                if (text.substring(m.end(), end).matches(",[^,]*,?\\s*"))
                    return new Speakers.Attribution(m.entity(), m.begin(), m);
                break;
            }
        Matcher pronoun = Pattern.compile("\\b(he|she|He|She)$").matcher(text.substring(sentenceStart, end));
        if (pronoun.find()) {
            Draft.Entity e = lastPersonBefore(sentenceStart + pronoun.start());
            if (e != null)
                return new Speakers.Attribution(e, sentenceStart + pronoun.start(), null);
        }
        return null;
    }

    /** The person right after a verb of address ("warns Musk", "told Jane Roe") in [from, to), other than the speaker. */
    private Draft.Entity addressee(int from, int to, Draft.Entity speaker) {
        for (Draft.Mention m : draft.mentions) {
            if (m.begin() < from || m.end() > to || m.entity().equals(speaker) || m.entity().kind() != Draft.Kind.PERSON || possessive(m))
                continue;
            List<String> before = Words.words(text.substring(from, m.begin()));
            if (!before.isEmpty() && Words.is(Words.ADDRESS, before.get(before.size() - 1)))
                return m.entity();
        }
        return null;
    }

    /** The latest statement before a position by someone else, preferring one whose speaker the clause names. */
    private Draft.Statement earlierBy(Draft.Entity speaker, int clauseFrom, int at) {
        Draft.Statement latest = null;
        Draft.Statement named = null;
        for (Draft.Statement st : draft.statements) {
            if (st.begin >= at || st.speaker.equals(speaker))
                continue;
            latest = st;
            for (Draft.Mention m : draft.mentions)
                if (m.begin() >= clauseFrom && m.end() <= at && m.entity().equals(st.speaker))
                    named = st;
        }
        return named != null ? named : latest;
    }

    /** "claimed that SoftBank has secured less" out of "He claimed that SoftBank has secured less, stating," — or null. */
    private static String thatClause(String clause) {
        Matcher m = THAT_CLAUSE.matcher(clause);
        while (m.find()) {
            if (!Words.is(Words.SPEECH, m.group(1)))
                continue;
            String rest = clause.substring(m.start(1));
            int cut = rest.length();
            Matcher lead = Pattern.compile(",\\s+(?:\\p{Ll}+ly\\s+)?(\\p{L}+)[,:]?\\s*$").matcher(rest);
            if (lead.find() && Words.is(Words.SPEECH, lead.group(1)))
                cut = lead.start();
            String out = rest.substring(0, cut).replaceAll("[\\s,:]+$", "");
            return out.isEmpty() ? null : out;
        }
        return null;
    }

    private Draft.Entity lastPersonBefore(int at) {
        Draft.Entity last = null;
        for (Draft.Mention m : draft.mentions)
            if (m.end() <= at && m.entity().kind() == Draft.Kind.PERSON && !possessive(m))
                last = m.entity();
        return last;
    }

    private boolean possessive(Draft.Mention m) {
        return text.startsWith("'s", m.end()) || text.startsWith("\u2019s", m.end()) || text.startsWith("s'", m.end());
    }

    private static boolean insideQuote(List<Quotations.Found> quotes, int at) {
        return quotes.stream().anyMatch(q -> q.open() < at && at < q.close());
    }

    private Sentences.Span sentenceAt(int at) {
        for (Sentences.Span s : sentences)
            if (s.begin() <= at && at < s.end())
                return s;
        return null;
    }

    /** Where the clause that starts at {@code from} ends: the next comma, semicolon or dash, or the sentence's end. */
    private int clauseEnd(int from, int sentenceEnd) {
        for (int i = from; i < sentenceEnd; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == '\u2014' || (c == '.' && (i + 1 == sentenceEnd || text.charAt(i + 1) == ' ')))
                return i;
        }
        return sentenceEnd;
    }

    /** The passage on the clause around [begin, end): from the last comma or semicolon before it to the next after it. */
    private Draft.Passage clausePassage(String key, int begin, int end) {
        Sentences.Span s = sentenceAt(begin);
        int from = s == null ? begin : s.begin();
        for (int i = begin - 1; s != null && i >= s.begin(); i--) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == '"' || c == '\u201C' || c == '\u201D') {
                from = i + 1;
                break;
            }
        }
        int to = s == null ? end : clauseEnd(end, s.end());
        int[] span = trim(from, Math.max(to, end));
        return draft.passage(key, span[0], span[1]);
    }

    /** [from, to) without surrounding spaces, commas, colons and quotation marks; null if nothing is left. */
    private int[] trim(int from, int to) {
        if (from < 0 || to <= from)
            return null;
        while (from < to && " \t\n,:;\"\u201C\u201D".indexOf(text.charAt(from)) >= 0)
            from++;
        while (to > from && " \t\n,:;\"\u201C\u201D".indexOf(text.charAt(to - 1)) >= 0)
            to--;
        return to > from ? new int[] {from, to} : null;
    }

    /** A label for a quotation: the speaker's name and the first words. */
    static String label(Draft.Statement st) {
        String name = st.speaker.name();
        if (!st.verbatim)
            return name + " " + st.paraphrase;
        String[] words = st.words.split("\\s+");
        String head = words.length <= LABEL_WORDS ? st.words : String.join(" ", List.of(words).subList(0, LABEL_WORDS)) + " …";
        return name + ": \u201C" + head + "\u201D";
    }
}
