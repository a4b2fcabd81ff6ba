package org.stargatekg.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who said a quotation, from the words around it outside every quotation mark (a name inside the quoted words is never
 * its speaker): the subject of the speech verb after it ('"…," Roe said', '"…," said Acme chief executive Jane Roe',
 * '"…," according to Roe') or before it ('Roe, a lawyer, said in an e-mail: "…"'), a pronoun standing for the last
 * person of that gender, "it" and "the company" for the organization named most, a group ("the plaintiffs") as an agent
 * of its own, "the judge" for the person named with that role, or the subject of the sentence of a partial quotation.
 */
final class Speakers {

    private final String text;
    private final Draft draft;
    private final List<Nlp.Sentence> nlp;
    private final List<Quotations.Found> quotes;
    private final String idNamespace;

    Speakers(String text, Draft draft, List<Nlp.Sentence> nlp, List<Quotations.Found> quotes, String idNamespace) {
        this.text = text;
        this.draft = draft;
        this.nlp = nlp;
        this.quotes = quotes;
        this.idNamespace = idNamespace;
    }

    /** Who speaks, where the words naming them lie ([from, to)), and the mention that names them (null for a pronoun). */
    record Attribution(Draft.Entity speaker, int from, int to, Draft.Mention mention) {
        Attribution(Draft.Entity speaker, int from, Draft.Mention mention) {
            this(speaker, from, from, mention);
        }
    }

    /** '…," said Jane Roe' / '…," Roe said' / '…," she told reporters' / '…," according to Roe': a speech verb soon after. */
    Attribution after(int from, int to) {
        List<Nlp.Token> ts = tokens(from, to);
        for (int i = 0; i < ts.size() && i < 10; i++)
            if (speech(ts, i)) {
                // 'Roe called it "a disgrace" and said …': a verb joined by "and" has the sentence's subject, before the quotation.
                if (i > 0 && ts.get(i - 1).pos().equals("CC"))
                    return null;
                return around(ts, i, from, to);
            }
        return null;
    }

    /** 'Roe said: "…' / 'Roe, a lawyer, said in an e-mail: "…' / 'According to Roe, "…': the last speech verb before. */
    Attribution before(int from, int to) {
        List<Nlp.Token> ts = tokens(from, to);
        for (int i = ts.size() - 1; i >= 0; i--)
            if (speech(ts, i))
                return around(ts, i, from, to);
        return null;
    }

    private boolean speech(List<Nlp.Token> ts, int i) {
        Nlp.Token t = ts.get(i);
        if (t.word().equalsIgnoreCase("according") && i + 1 < ts.size() && ts.get(i + 1).word().equals("to"))
            return true;
        return t.pos().startsWith("VB") && (Words.is(Words.SPEECH, t.word()) || Words.is(Words.SPEECH, t.lemma()))
               || t.pos().equals("X") && Words.is(Words.SPEECH, t.word());
    }

    /** The speaker of the speech verb ts[i] in [from, to): its subject before it, else the agent right after it. */
    private Attribution around(List<Nlp.Token> ts, int i, int from, int to) {
        Nlp.Token verb = ts.get(i);
        if (verb.word().equalsIgnoreCase("according"))
            return agentAfter(ts, i + 2, to);
        Attribution subject = subjectBefore(ts, i, from);
        if (subject != null)
            return subject;
        // "Roe replied, adding that …": a participle's speaker is the one of the speech verb before it.
        if (verb.pos().equals("VBG") || i > 0 && ts.get(i - 1).word().equals(","))
            for (int k = i - 1; k >= 0; k--)
                if (speech(ts, k) && !ts.get(k).word().equalsIgnoreCase("according"))
                    return around(ts, k, from, to);
        return agentAfter(ts, i + 1, to);
    }

    /** The subject right before a speech verb: a pronoun, a group ("the company", "prosecutors") or a named agent. */
    private Attribution subjectBefore(List<Nlp.Token> ts, int verb, int from) {
        int j = verb - 1;
        // Adverbs and auxiliaries between subject and verb: "Roe later said", "she has said".
        while (j >= 0 && (ts.get(j).pos().startsWith("RB") || ts.get(j).pos().equals("MD")
                          || ts.get(j).lemma().matches("have|be|do")))
            j--;
        if (j < 0)
            return null;
        Nlp.Token t = ts.get(j);
        if (t.pos().equals("PRP")) {
            Draft.Entity e = pronoun(t.word(), t.begin());
            return e == null ? null : new Attribution(e, t.begin(), t.end(), null);
        }
        if (t.word().equals(",")) {
            // "Roe, a lawyer for the family, said": the first agent of the clause that a comma follows.
            for (Draft.Mention m : draft.mentions)
                if (m.begin() >= from && m.end() <= t.begin() && agent(m) && !inQuote(m.begin())
                    && text.substring(m.end()).matches("(?s)^\\s*,.*"))
                    return new Attribution(m.entity(), m.begin(), m.end(), m);
            return null;
        }
        Draft.Mention nearest = null;
        for (Draft.Mention m : draft.mentions)
            if (m.begin() >= from && m.end() <= t.end() && m.end() >= t.begin() && agent(m) && !inQuote(m.begin()))
                nearest = m;
        if (nearest != null) {
            // "Roe of Acme said": the person before "of", not the organization.
            Draft.Mention person = personBeforeOf(nearest, from);
            Draft.Mention m = person != null ? person : nearest;
            return new Attribution(m.entity(), m.begin(), t.end(), m);
        }
        return group(ts, j, from);
    }

    private Draft.Mention personBeforeOf(Draft.Mention org, int from) {
        if (org.entity().kind() != Draft.Kind.ORGANIZATION)
            return null;
        for (Draft.Mention m : draft.mentions)
            if (m.begin() >= from && m.end() < org.begin() && m.entity().kind() == Draft.Kind.PERSON
                && text.substring(m.end(), org.begin()).matches("\\s+(?:of|at|from|for|with)\\s+(?:the\\s+)?"))
                return m;
        return null;
    }

    /** "the company said" (the article's main company), "prosecutors said" (a group), "the judge said" (the judge named before). */
    private Attribution group(List<Nlp.Token> ts, int head, int from) {
        Nlp.Token noun = ts.get(head);
        if (!noun.pos().startsWith("NN") || noun.proper())
            return null;
        int b = head;
        while (b - 1 >= 0 && (ts.get(b - 1).pos().matches("JJ|NN|NNS|DT|PRP\\$|VBN") && !ts.get(b - 1).proper()) && ts.get(b - 1).begin() >= from)
            b--;
        String word = noun.word().toLowerCase(Locale.ROOT);
        String phrase = text.substring(ts.get(b).begin(), noun.end());
        if (ORG_NOUNS.contains(word)) {
            Draft.Entity org = mainOrganization(noun.begin(), word);
            if (org != null)
                return new Attribution(org, ts.get(b).begin(), noun.end(), null);
        }
        if (noun.pos().equals("NN") && !ORG_NOUNS.contains(word)) {
            Draft.Entity person = personWithRole(word, noun.begin());
            if (person != null)
                return new Attribution(person, ts.get(b).begin(), noun.end(), null);
        }
        if (!noun.pos().equals("NNS") && !ORG_NOUNS.contains(word))
            return null;
        Draft.Entity g = groupEntity(phrase);
        draft.mentions.add(new Draft.Mention(ts.get(b).begin(), noun.end(), g));
        draft.mentions.sort((x, y) -> x.begin() != y.begin() ? Integer.compare(x.begin(), y.begin()) : Integer.compare(y.end(), x.end()));
        return new Attribution(g, ts.get(b).begin(), noun.end(), null);
    }

    private static final Pattern PREPOSITION_BEFORE = Pattern.compile("(?i)\\b(?:with|to|for|by|from|against|of|at|than|about|and)\\s+$");

    private static final java.util.Set<String> ORG_NOUNS = java.util.Set.of("company", "firm", "group", "bank", "club",
            "team", "ministry", "court", "agency", "government", "council", "union", "board", "regulator", "retailer",
            "insurer", "lender", "carrier", "airline", "maker", "manufacturer", "developer", "startup", "start-up",
            "department", "commission", "authority", "party", "university", "hospital", "school", "league", "federation",
            "association", "fund", "operator", "supplier", "chain", "business", "utility", "brewer", "distributor");

    private Draft.Entity groupEntity(String phrase) {
        String label = phrase.strip();
        String local = draft.name + "-" + Words.slug(label);
        for (Draft.Mention m : draft.mentions)
            if (m.entity().local().equals(local))
                return m.entity();
        return new Draft.Entity(idNamespace + local, local, false, Draft.Kind.GROUP, label);
    }

    /** The organization "the company" stands for: the one named most often so far (the first on a tie), preferring one whose name has the word. */
    private Draft.Entity mainOrganization(int at, String word) {
        Map<Draft.Entity, Integer> counts = new LinkedHashMap<>();
        for (Draft.Mention m : draft.mentions)
            if (m.end() <= at && m.entity().kind() == Draft.Kind.ORGANIZATION)
                counts.merge(m.entity(), 1, Integer::sum);
        Draft.Entity best = null;
        for (var e : counts.entrySet())
            if (e.getKey().name().toLowerCase(Locale.ROOT).contains(word) && (best == null || e.getValue() > counts.get(best)))
                best = e.getKey();
        if (best != null)
            return best;
        for (var e : counts.entrySet())
            if (best == null || e.getValue() > counts.get(best))
                best = e.getKey();
        return best;
    }

    /** The last person named before {@code at} with that role next to a mention ("Judge Alvarez", "Alvarez, the judge"). */
    private Draft.Entity personWithRole(String role, int at) {
        Draft.Entity found = null;
        Pattern p = Pattern.compile("(?i)\\b" + Pattern.quote(role) + "\\b");
        for (Draft.Mention m : draft.mentions)
            if (m.end() <= at && m.entity().kind() == Draft.Kind.PERSON) {
                String around = text.substring(Math.max(0, m.begin() - 40), Math.min(text.length(), m.end() + 50));
                if (p.matcher(around).find())
                    found = m.entity();
            }
        return found;
    }

    /** The first agent named after the verb: "said Jane Roe", "said Acme chief executive Jane Roe" (the person). */
    private Attribution agentAfter(List<Nlp.Token> ts, int from, int to) {
        if (from >= ts.size())
            return null;
        int begin = ts.get(from).begin();
        // "said that Acme …": what follows "that" is what was said, not who said it.
        for (int i = from; i < ts.size(); i++)
            if (ts.get(i).word().equalsIgnoreCase("that") && ts.get(i).pos().equals("IN")) {
                to = Math.min(to, ts.get(i).begin());
                break;
            }
        Draft.Mention first = null;
        for (Draft.Mention m : draft.mentions)
            if (m.begin() >= begin && m.end() <= to && agent(m) && !inQuote(m.begin())) {
                if (first == null) {
                    if (text.substring(begin, m.begin()).contains(","))
                        break;
                    first = m;
                    if (m.entity().kind() != Draft.Kind.ORGANIZATION)
                        break;
                } else {
                    if (m.entity().kind() == Draft.Kind.PERSON && text.substring(first.end(), m.begin()).matches("(?i)[\\s\\p{L}-]{0,40}"))
                        first = m;   // "Acme chief executive Jane Roe": the person the organization qualifies
                    break;
                }
            }
        if (first != null)
            return new Attribution(first.entity(), first.begin(), first.end(), first);
        // "said the company", "said prosecutors": a group after the verb.
        for (int i = from; i < ts.size() && i < from + 5; i++) {
            Nlp.Token t = ts.get(i);
            if (t.pos().equals("PRP") && !t.word().equalsIgnoreCase("it")) {
                Draft.Entity e = pronoun(t.word(), t.begin());
                return e == null ? null : new Attribution(e, t.begin(), t.end(), null);
            }
            if (t.pos().startsWith("NN") && !t.proper()) {
                int j = i;
                while (j + 1 < ts.size() && ts.get(j + 1).pos().startsWith("NN") && !ts.get(j + 1).proper())
                    j++;
                return group(ts, j, ts.get(from).begin());
            }
            if (!t.pos().matches("DT|JJ|PRP\\$"))
                break;
        }
        return null;
    }

    /** The clause's subject for a partial quotation: its first agent, or the person a leading pronoun stands for. */
    Attribution subjectOf(int from, int to) {
        List<Nlp.Token> ts = tokens(from, to);
        for (int i = 0; i < ts.size() && i < 3; i++)
            if (ts.get(i).pos().equals("PRP") && ts.get(i).word().matches("(?i)he|she|they|it")) {
                Draft.Entity e = pronoun(ts.get(i).word(), ts.get(i).begin());
                if (e != null)
                    return new Attribution(e, ts.get(i).begin(), ts.get(i).end(), null);
            }
        for (Draft.Mention m : draft.mentions)
            if (m.begin() >= from && m.end() <= to && agent(m) && !inQuote(m.begin())) {
                Draft.Mention person = null;
                for (Draft.Mention o : draft.mentions)
                    if (o.begin() > m.end() && o.end() <= to && o.entity().kind() == Draft.Kind.PERSON
                        && m.entity().kind() == Draft.Kind.ORGANIZATION && text.substring(m.end(), o.begin()).matches("(?i)[\\s\\p{L}-]{0,40}")) {
                        person = o;
                        break;
                    }
                Draft.Mention s = person != null ? person : m;
                return new Attribution(s.entity(), s.begin(), s.end(), s);
            }
        return null;
    }

    /** The entity a pronoun stands for: he/she the last person of a fitting gender, it the main organization, they a group or organization. */
    private Draft.Entity pronoun(String word, int at) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("he") || w.equals("she") || w.equals("him") || w.equals("her")) {
            String want = w.equals("he") || w.equals("him") ? "MALE" : "FEMALE";
            Draft.Entity any = null;
            // First the people named as subjects, not after a preposition ("started Lumquist with Osei"), then anyone.
            for (int pass = 0; pass < 2; pass++)
                for (int k = draft.mentions.size() - 1; k >= 0; k--) {
                    Draft.Mention m = draft.mentions.get(k);
                    if (m.end() > at || m.entity().kind() != Draft.Kind.PERSON || possessive(m) || inQuote(m.begin()))
                        continue;
                    if (pass == 0 && PREPOSITION_BEFORE.matcher(text.substring(Math.max(0, m.begin() - 12), m.begin())).find())
                        continue;
                    String g = gender(m.entity());
                    if (g == null || g.equals(want))
                        return m.entity();
                    if (any == null)
                        any = m.entity();
                }
            return any;
        }
        if (w.equals("it"))
            return mainOrganization(at, "");
        if (w.equals("they")) {
            Draft.Entity last = null;
            for (Draft.Mention m : draft.mentions)
                if (m.end() <= at && (m.entity().kind() == Draft.Kind.GROUP || m.entity().kind() == Draft.Kind.ORGANIZATION) && !inQuote(m.begin()))
                    last = m.entity();
            return last;
        }
        return null;
    }

    /** A person's gender where the text says it: a title (Mr., Ms.) before a mention, else the first name's usual gender. */
    private String gender(Draft.Entity person) {
        for (Draft.Mention m : draft.mentions)
            if (m.entity().equals(person)) {
                String before = text.substring(Math.max(0, m.begin() - 6), m.begin());
                if (before.matches("(?s).*\\bMr\\.?\\s+$"))
                    return "MALE";
                if (before.matches("(?s).*\\b(?:Mrs|Ms|Miss)\\.?\\s+$"))
                    return "FEMALE";
            }
        String[] parts = person.name().split("\\s+");
        if (parts.length < 2)
            return null;
        String g = Nlp.gender(parts[0]);
        return g == null || g.equals("NEUTRAL") || g.equals("UNKNOWN") ? null : g;
    }

    private boolean agent(Draft.Mention m) {
        return m.entity().kind() != Draft.Kind.OTHER && !possessive(m);
    }

    private boolean inQuote(int at) {
        return quotes.stream().anyMatch(q -> q.begin() <= at && at < q.end());
    }

    private List<Nlp.Token> tokens(int from, int to) {
        List<Nlp.Token> out = new ArrayList<>();
        for (Nlp.Sentence s : nlp)
            if (s.end() > from && s.begin() < to)
                for (Nlp.Token t : s.tokens())
                    if (t.begin() >= from && t.end() <= to && !inQuote(t.begin()))
                        out.add(t);
        return out;
    }

    /** The CoreNLP sentence at a position, or the last one before it. */
    Nlp.Sentence sentenceAt(int at) {
        for (Nlp.Sentence s : nlp)
            if (s.begin() <= at && at < s.end())
                return s;
        Nlp.Sentence last = null;
        for (Nlp.Sentence s : nlp)
            if (s.begin() <= at)
                last = s;
        return last;
    }

    private boolean possessive(Draft.Mention m) {
        return text.startsWith("'s", m.end()) || text.startsWith("\u2019s", m.end()) || text.startsWith("s'", m.end());
    }
}
