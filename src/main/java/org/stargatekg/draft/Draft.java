package org.stargatekg.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a draft proposes for one article: its title and keywords, the passages it anchors, the entities it mentions
 * (known ones by their IRI, new ones with a proposed IRI), quotations and paraphrased claims with their speakers,
 * amounts of money and expressions of time. Offsets are UTF-16 indexes into {@link #text}.
 */
public final class Draft {

    /** A span of the article that evidence rests on; {@code key} is the local name of its IRI. */
    public record Passage(String key, int begin, int end) {
        /** The passage's words. */
        public String in(String text) {
            return text.substring(begin, end);
        }
    }

    /** An entity: known (already in the graph, by IRI) or proposed (a new IRI in the dataset namespace). */
    public record Entity(String iri, String local, boolean known, Kind kind, String name) {}

    /** The kinds of entity a draft proposes. */
    public enum Kind { PERSON, ORGANIZATION, GROUP, OTHER }

    /** One place the article names an entity. */
    public record Mention(int begin, int end, Entity entity) {}

    /**
     * Words someone is reported to have said: quoted verbatim ({@code words} between the quotation marks, {@code passage}
     * on them) or paraphrased after "said that" ({@code paraphrase}); {@code attribution} is the passage naming the
     * speaker; {@code begin}/{@code end} span the quotation or the paraphrase.
     */
    public static final class Statement {
        String key;
        boolean verbatim;
        String words;
        Entity speaker;
        Passage passage;
        Passage attribution;
        final List<Entity> about = new ArrayList<>();
        Entity addressee;
        Statement respondsTo;
        String paraphrase;
        final List<Amount> claimed = new ArrayList<>();
        int begin;
        int end;

        /** Whether the statement gives its words verbatim (a quotation). */
        public boolean verbatim() {
            return verbatim;
        }

        /** The quoted words, or the paraphrase. */
        public String words() {
            return verbatim ? words : paraphrase;
        }

        /** Who said it, or null when the text does not say. */
        public Entity speaker() {
            return speaker;
        }

        /** The statement this one answers, or null. */
        public Statement respondsTo() {
            return respondsTo;
        }

        /** The entities it is about. */
        public List<Entity> about() {
            return about;
        }

        /** The amounts the speaker claims in it. */
        public List<Amount> claimed() {
            return claimed;
        }

        /** The local name of its IRI. */
        public String key() {
            return key;
        }
    }

    /** An amount of money: an exact value or an upper bound, in a currency (ISO 4217 code). */
    public record Amount(String key, BigDecimal number, boolean upperBound, String currency, String statedAs,
                         boolean hypothetical, Passage passage, int begin, int end) {}

    /** A duration or date the article states, as a typed literal (lexical form and XSD datatype local name). */
    public record Time(String lexical, String datatype, String statedAs, Passage passage) {}

    /** The article folder's name, which prefixes every IRI the draft mints. */
    public final String name;
    /** The article's text. */
    public final String text;
    /** The title (the first line), or null for an empty text. */
    public String title;
    /** The passage on the title. */
    public Passage titlePassage;
    /** The keywords of a last line that lists them, else empty. */
    public final List<String> keywords = new ArrayList<>();
    /** The passage on the keywords, or null. */
    public Passage keywordsPassage;
    /** Every passage, each once, in the order made. */
    public final List<Passage> passages = new ArrayList<>();
    /** Every mention of an entity, in text order. */
    public final List<Mention> mentions = new ArrayList<>();
    /** Quotations and paraphrased claims, in text order. */
    public final List<Statement> statements = new ArrayList<>();
    /** Quotations whose speaker the draft could not tell, in text order (not written as statements, only listed). */
    public final List<Statement> unattributed = new ArrayList<>();
    /** Amounts of money, in text order. */
    public final List<Amount> amounts = new ArrayList<>();
    /** Durations and dates, in text order. */
    public final List<Time> times = new ArrayList<>();

    Draft(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The passage over [begin, end), made once: two proposals resting on the same words share their passage. */
    Passage passage(String key, int begin, int end) {
        // Offsets from the tokenizer may fall inside a surrogate pair; a passage always holds whole characters.
        if (begin > 0 && begin < text.length() && Character.isLowSurrogate(text.charAt(begin)))
            begin--;
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end)))
            end++;
        for (Passage p : passages)
            if (p.begin() == begin && p.end() == end)
                return p;
        Passage p = new Passage(name + "-" + key, begin, end);
        passages.add(p);
        return p;
    }

    /** The distinct entities mentioned, in order of first mention. */
    public List<Entity> entities() {
        List<Entity> out = new ArrayList<>();
        for (Mention m : mentions)
            if (!out.contains(m.entity()))
                out.add(m.entity());
        return out;
    }

    /** The first mention of an entity. */
    public Mention firstMention(Entity e) {
        return mentions.stream().filter(m -> m.entity().equals(e)).findFirst().orElse(null);
    }
}
