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

/**
 * Finds the people and organizations an article names that the graph does not know yet: the spans CoreNLP tags
 * PERSON or ORGANIZATION, corrected by news rules — a company suffix ("Inc.", "Corp.", "Plc", "Co.") makes an
 * organization and belongs to its name, a proper name right before a role and a person ("Acme chief executive Jane Roe")
 * is an organization, "Seattle-based" and titles ("Dr.", "Judge") are not part of a name, a dateline's wire name is
 * no one — then merges the names one entity goes by in the article: a person's surname or first name alone, an
 * organization's first words without their suffix ("Brightwell" for "Brightwell Foods Inc.") or its initials ("BFI").
 */
final class Names {

    static final Set<String> TITLES = Set.of("Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof.", "Professor", "President", "Senator",
            "Sen.", "Rep.", "Gov.", "Governor", "Judge", "Justice", "Minister", "Chancellor", "Mayor", "Sir", "Dame", "Lord",
            "Lady", "Mr", "Mrs", "Ms", "Dr", "Councillor", "Councilwoman", "Councilman", "Commissioner", "Secretary",
            "Chief", "Inspector", "Detective", "Sergeant", "Officer", "Captain", "Coach", "Manager", "Prime", "General",
            "Gen.", "Col.", "Lt.", "Sgt.", "Attorney", "Prosecutor", "Chairman", "Chairwoman", "Director", "Father", "Rev.");
    static final Set<String> ORG_SUFFIX = Set.of("Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "LLC", "LLP",
            "Plc", "PLC", "plc", "Co", "Co.", "AG", "SE", "GmbH", "S.A.", "SA", "NV", "N.V.", "Group", "Holdings",
            "Bancorp", "LP", "L.P.", "Limited", "Company");
    /** Words that end an organization's name without being its suffix in the legal sense. */
    static final Set<String> ORG_HEAD = Set.of(
            "Bank", "Association", "Institute", "University", "Agency", "Foundation", "Council", "Ministry",
            "Department", "Commission", "Authority", "Fund", "Capital", "Partners", "Labs", "Technologies",
            "Systems", "Motors", "Airlines", "Industries", "Trust", "Bureau", "Committee", "Federation", "Union",
            "Society", "Club", "Network", "Media", "Ventures", "Energy", "Pharmaceuticals", "Securities", "Advisors",
            "Research", "Analytics", "Consulting", "Associates", "Studios", "Pharma", "Therapeutics", "Insurance",
            "Investments", "Management", "Airways", "Communications", "Solutions", "Software", "Robotics",
            "Electronics", "Brands", "Markets", "Court", "Tribunal", "Party", "Office", "Service", "Services",
            "Board", "Police", "Hospital", "College", "School", "Parliament", "Senate", "Assembly", "Exchange",
            "Foods", "Diagnostics", "Logistics", "Health", "United", "City", "FC", "Rovers", "Athletic", "Wanderers",
            "Bloc", "Coalition", "Alliance", "Caucus", "Chamber", "Cooperative", "Co-operative", "Guild", "League",
            "Academy", "Museum", "Orchestra", "Centre", "Center", "Clinic", "Laboratories");
    static final String ROLES = "(?:chief executive(?: officer)?|chief financial officer|chief operating officer|"
            + "chief technology officer|chief economist|CEO|CFO|COO|CTO|founder|co-founder|chair(?:man|woman|person)?|"
            + "president|vice president|director|managing director|spokes(?:man|woman|person)|analyst|economist|"
            + "general counsel|head|manager|coach|lawyer|attorney|chief|boss|owner|executive|treasurer|secretary|"
            + "partner|investor|striker|captain|midfielder|goalkeeper|defender|forward)";
    private static final Pattern ROLE_THEN = Pattern.compile("(?i)^\\s+(?:" + ROLES + ")\\s+$");
    private static final Pattern DATELINE = Pattern.compile("(?m)^[\\p{Lu}][\\p{Lu}\\p{M} .'-]+,[^\\n(]{0,40}\\(([^)\\n]{1,40})\\)\\s*[-\u2013\u2014]");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "He", "She", "It", "They", "We", "I", "His", "Her",
            "Its", "Their", "This", "That", "But", "And", "In", "On", "At", "For", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    /** A name found: [begin, end) with what it names. */
    record Span(int begin, int end, Draft.Kind kind) {}

    private Names() {}

    /** The spans of new names, before they are merged into entities, in text order; {@code taken} spans are skipped. */
    static List<Span> spans(String text, List<Nlp.Sentence> sentences, List<Draft.Mention> taken) {
        List<Span> out = new ArrayList<>();
        List<int[]> skip = new ArrayList<>();
        Matcher dl = DATELINE.matcher(text);
        while (dl.find())
            skip.add(new int[] {dl.start(1), dl.end(1)});
        int headlineEnd = titleCaseHeadlineEnd(text);
        for (Nlp.Sentence s : sentences) {
            if (s.end() <= headlineEnd)
                continue;   // In A Title-Case Headline every word looks like a name: names there are found again in the body.
            List<Nlp.Token> ts = s.tokens();
            int i = 0;
            // A headline on a line of its own, with no blank line after it, shares its sentence with the first one.
            while (i < ts.size() && ts.get(i).begin() < headlineEnd)
                i++;
            while (i < ts.size()) {
                Nlp.Token t = ts.get(i);
                String tag = t.ner();
                int j = i;
                Draft.Kind kind = null;
                if (tag.equals("PERSON") || tag.equals("ORGANIZATION") || tag.equals("LOCATION")) {
                    while (j + 1 < ts.size() && ts.get(j + 1).ner().equals(tag))
                        j++;
                    kind = tag.equals("PERSON") ? Draft.Kind.PERSON : Draft.Kind.ORGANIZATION;
                    // "the Larkhaven Civic Bloc" tagged as a place: a name ending in an organization's head word is one.
                    if (tag.equals("LOCATION") && !(j > i && ORG_HEAD.contains(ts.get(j).word()) && !ts.get(j).word().equals("City")))
                        kind = null;
                    // "the Eastern Conference of the National Hoops Association": the organization is the one after "of the".
                    if (kind == Draft.Kind.ORGANIZATION)
                        for (int k = i + 1; k + 3 <= j; k++)
                            if (ts.get(k).word().equals("of") && ts.get(k + 1).word().equalsIgnoreCase("the")
                                && (ORG_HEAD.contains(ts.get(j).word()) || ORG_SUFFIX.contains(ts.get(j).word()))) {
                                i = k + 2;
                                t = ts.get(i);
                                break;
                            }
                } else if (capitalized(t) && t.proper()) {
                    // A run of proper nouns the model left untagged: a name if it ends in a company suffix or head word.
                    while (j + 1 < ts.size() && (capitalized(ts.get(j + 1)) && ts.get(j + 1).proper()
                                                 || ts.get(j + 1).word().equals("&")) && ts.get(j + 1).ner().equals("O"))
                        j++;
                    String last = ts.get(j).word();
                    if (ORG_SUFFIX.contains(last) || ORG_HEAD.contains(last))
                        kind = Draft.Kind.ORGANIZATION;
                }
                if (kind != null) {
                    // "Tokai Seiki Workers' Union": a plural possessive and a head word after it belong to the name.
                    if (j + 2 < ts.size() && ts.get(j + 1).pos().equals("POS") && ts.get(j + 1).word().matches("[\u2019']")
                        && capitalized(ts.get(j + 2)) && ORG_HEAD.contains(ts.get(j + 2).word())) {
                        j += 2;
                        kind = Draft.Kind.ORGANIZATION;
                    }
                    // "Vantora Inc.", "Acme Foods Corp": a suffix right after belongs to the name and makes it a company.
                    while (j + 1 < ts.size() && (ORG_SUFFIX.contains(ts.get(j + 1).word())
                                                 || ts.get(j + 1).word().equals(".") && ts.get(j).word().matches("Inc|Corp|Co|Ltd"))) {
                        j++;
                        kind = Draft.Kind.ORGANIZATION;
                    }
                    if (ORG_SUFFIX.contains(ts.get(j).word()) || ORG_HEAD.contains(ts.get(j).word()) && kind == Draft.Kind.PERSON && j > i)
                        kind = Draft.Kind.ORGANIZATION;
                    int b = i;
                    while (b <= j && (TITLES.contains(ts.get(b).word()) || NOT_NAMES.contains(ts.get(b).word())
                                      || ts.get(b).word().equals("-") || ts.get(b + 0).word().equalsIgnoreCase("based")))
                        b++;
                    // "Seattle-based Vantora": the place and "-based" are not part of the name.
                    for (int k = b; k <= j; k++)
                        if (ts.get(k).word().equalsIgnoreCase("based") && k > b && ts.get(k - 1).word().equals("-"))
                            b = k + 1;
                    int e = j;
                    while (e >= b && (ts.get(e).pos().equals("POS") || ts.get(e).word().matches("[\u2019']s?|[,;:]")))
                        e--;
                    // "Westford City", "St. Aldric's Hospital": proper nouns just before an organization's name are part of it.
                    if (kind == Draft.Kind.ORGANIZATION && b == i) {
                        int k = b - 1;
                        boolean single = b == e && ORG_HEAD.contains(ts.get(b).word());
                        while (k >= 0 && (capitalized(ts.get(k)) && ts.get(k).proper() && !ts.get(k).ner().equals("PERSON")
                                          && !NOT_NAMES.contains(ts.get(k).word()) && !TITLES.contains(ts.get(k).word())
                                          || single && ts.get(k).pos().equals("POS") && k > 0 && capitalized(ts.get(k - 1))))
                            k--;
                        b = k + 1;
                    }
                    boolean anyCapital = false;
                    for (int k = b; k <= e; k++)
                        anyCapital |= capitalized(ts.get(k));
                    if (!anyCapital)
                        e = b - 1;   // "state supreme court": a name is capitalized somewhere
                    if (b <= e) {
                        int begin = ts.get(b).begin();
                        int end = ts.get(e).end();
                        if (begin > 0 && begin < text.length() && Character.isLowSurrogate(text.charAt(begin)))
                            begin--;
                        if (end < text.length() && Character.isLowSurrogate(text.charAt(end)))
                            end++;
                        Draft.Kind k = kind;
                        // "Vantora chief executive Marisa Kellend": a name before a role and a person is the person's organization.
                        if (k == Draft.Kind.PERSON && e + 1 < ts.size()) {
                            int p = e + 1;
                            while (p < ts.size() && !ts.get(p).ner().equals("PERSON") && p - e <= 4)
                                p++;
                            if (p < ts.size() && ts.get(p).ner().equals("PERSON") && p > e + 1
                                && ROLE_THEN.matcher(text.substring(end, ts.get(p).begin())).matches())
                                k = Draft.Kind.ORGANIZATION;
                        }
                        int from = begin;
                        int to = end;
                        boolean inSkip = skip.stream().anyMatch(r -> from >= r[0] && from < r[1]);
                        boolean overlaps = taken.stream().anyMatch(m -> m.begin() < to && m.end() > from);
                        String name = text.substring(begin, end);
                        // "Lyon, Ghent and Poznan": one word in a list of places is a place too.
                        boolean amongPlaces = b == e && k == Draft.Kind.ORGANIZATION
                                              && (b >= 2 && ts.get(b - 1).word().matches(",|and|or") && ts.get(b - 2).ner().equals("LOCATION")
                                                  || e + 2 < ts.size() && ts.get(e + 1).word().matches(",|and|or") && ts.get(e + 2).ner().equals("LOCATION"));
                        if (!inSkip && !overlaps && !amongPlaces && name.codePoints().anyMatch(Character::isLetter)
                            && !(b == e && NOT_NAMES.contains(name)))
                            out.add(new Span(from, to, k));
                    }
                }
                i = j + 1;
            }
        }
        return out;
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

    /** Merges spans into entities (longest names first, shorter forms onto them) and returns their mentions. */
    static List<Draft.Mention> merge(String text, List<Span> spans, String idNs, KnownEntities known) {
        List<Span> order = new ArrayList<>(spans);
        order.sort(Comparator.comparingInt((Span s) -> -tokens(text.substring(s.begin(), s.end())).size())
                             .thenComparingInt(Span::begin));
        Map<String, Draft.Entity> entities = new LinkedHashMap<>();
        List<Draft.Mention> out = new ArrayList<>();
        for (Span s : order) {
            String name = text.substring(s.begin(), s.end()).replaceAll("\\s+", " ");
            Draft.Entity e = alias(name, s.kind(), entities.values());
            if (e == null && s.kind() == Draft.Kind.ORGANIZATION && ORG_HEAD.contains(name))
                continue;   // "Council members", "City Hall": a head word alone names no organization
            if (e == null) {
                Draft.Kind kind = s.kind();
                e = entities.computeIfAbsent(key(name), k -> entity(name, kind, idNs, known));
            }
            out.add(new Draft.Mention(s.begin(), s.end(), e));
        }
        // A one-word "person" that no full name introduces, used as companies are ("Aeriva's shares", "at Aeriva",
        // "Aeriva, a chip maker"): wire copy names a person in full first, so it is an organization.
        for (Draft.Entity e : List.copyOf(entities.values())) {
            if (e.kind() != Draft.Kind.PERSON || tokens(e.name()).size() != 1 || !organizationCue(text, e.name()))
                continue;
            Draft.Entity org = new Draft.Entity(e.iri(), e.local(), e.known(), Draft.Kind.ORGANIZATION, e.name());
            entities.put(key(e.name()), org);
            out.replaceAll(m -> m.entity().equals(e) ? new Draft.Mention(m.begin(), m.end(), org) : m);
        }
        // "Corvane Learning Systems (CLS)": the acronym defined in parentheses names the organization wherever it occurs.
        for (Draft.Mention m : List.copyOf(out)) {
            if (m.entity().kind() != Draft.Kind.ORGANIZATION)
                continue;
            Matcher acronym = Pattern.compile("^\\s*\\((\\p{Lu}[\\p{Lu}&.]{1,7})\\)").matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 12)));
            if (!acronym.find())
                continue;
            for (int at : Mentions.occurrences(text, acronym.group(1))) {
                int end = at + acronym.group(1).length();
                if (out.stream().noneMatch(o -> o.begin() < end && o.end() > at))
                    out.add(new Draft.Mention(at, end, m.entity()));
            }
        }
        // A person's surname used again where the model saw no name ("Kellend told analysts") is the same person.
        for (Draft.Entity e : List.copyOf(entities.values())) {
            List<String> parts = tokens(e.name());
            if (e.kind() != Draft.Kind.PERSON || parts.size() < 2)
                continue;
            String surname = parts.get(parts.size() - 1);
            for (int at : Mentions.occurrences(text, surname)) {
                int end = at + surname.length();
                if (out.stream().noneMatch(m -> m.begin() < end && m.end() > at))
                    out.add(new Draft.Mention(at, end, e));
            }
        }
        out.sort(Comparator.comparingInt(Draft.Mention::begin));
        return out;
    }

    /** The entity a shorter name stands for, or null: a surname, a first name, an organization's first words or initials. */
    private static Draft.Entity alias(String name, Draft.Kind kind, Iterable<Draft.Entity> entities) {
        List<String> words = tokens(name);
        Draft.Entity byPerson = null;
        Draft.Entity byOrg = null;
        int persons = 0;
        for (Draft.Entity e : entities) {
            List<String> full = tokens(e.name());
            if (key(e.name()).equals(key(name)))
                return e;
            if (e.kind() == Draft.Kind.PERSON && words.size() == 1 && full.size() >= 2
                && (full.get(full.size() - 1).equals(words.get(0)) || full.get(0).equals(words.get(0)))) {
                byPerson = e;
                persons++;
            }
            if (e.kind() == Draft.Kind.ORGANIZATION) {
                List<String> core = full.stream().filter(w -> !ORG_SUFFIX.contains(w)).toList();
                boolean prefix = words.size() < full.size() && words.size() <= core.size() && core.subList(0, words.size()).equals(words);
                boolean initials = words.size() == 1 && words.get(0).length() >= 2 && words.get(0).equals(words.get(0).toUpperCase(Locale.ROOT))
                                   && words.get(0).equals(initials(core));
                // "the Comets" for "Harbor City Comets": a team or company by its last distinctive word.
                boolean last = words.size() == 1 && core.size() >= 2 && core.get(core.size() - 1).equals(words.get(0))
                               && (!ORG_HEAD.contains(words.get(0)) || kind == Draft.Kind.ORGANIZATION);
                if ((prefix || initials || last) && byOrg == null)
                    byOrg = e;
            }
        }
        if (byOrg != null && (kind == Draft.Kind.ORGANIZATION || byPerson == null))
            return byOrg;
        if (byPerson != null && persons == 1)
            return byPerson;
        return byOrg;
    }

    private static final String ORG_AFTER_POSSESSIVE = "(?:shares|stock|board|chief|executives?|customers|employees|staff|"
            + "engineers|investors|products?|platform|software|headquarters|plant|factory|deal|offer|bid|revenue|profit|sales|"
            + "chairman|chairwoman|founder|co-founder|spokes\\w+|lawyers?|app|service|network|systems?|devices?|chips?|stores?|"
            + "shareholders|acquisition|takeover|rivals?|largest|biggest|second-largest|own|first|new|latest|annual|quarterly)";

    /** Whether the text uses a one-word name as it uses companies. */
    static boolean organizationCue(String text, String name) {
        String n = Pattern.quote(name);
        return Pattern.compile("\\b" + n + "[\u2019']s\\s+" + ORG_AFTER_POSSESSIVE + "\\b").matcher(text).find()
               || Pattern.compile("\\b(?:shares (?:in|of)|at|joined|acquired?|acquires|buy|buys|bought|sued|against|invest(?:ed|s)? in|"
                                  + "backed|rival|startup|start-up|company|firm|group|maker)\\s+" + n + "\\b").matcher(text).find()
               || Pattern.compile("\\b" + n + "\\s+(?:shares|stock|Inc|Corp|said it|declined to comment|did not (?:respond|reply)|"
                                  + "has raised|raised|was founded|is based|employs|reported|posted|makes|sells)\\b").matcher(text).find()
               || Pattern.compile("\\b" + n + ",\\s+(?:a|an|the|which)\\s+[\\p{L}\\s-]{0,40}?\\b(?:company|firm|maker|startup|start-up|"
                                  + "group|bank|retailer|developer|provider|supplier|operator|manufacturer|insurer|lender|chain|"
                                  + "club|team|business|platform|brand|utility|carrier|airline|broker|fund)\\b").matcher(text).find();
    }

    private static String initials(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words)
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)))
                sb.append(w.charAt(0));
        return sb.toString();
    }

    private static List<String> tokens(String name) {
        return List.of(name.trim().split("\\s+"));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static boolean capitalized(Nlp.Token t) {
        return !t.word().isEmpty() && Character.isUpperCase(t.word().codePointAt(0));
    }

    private static Draft.Entity entity(String name, Draft.Kind kind, String idNs, KnownEntities known) {
        String local = Words.slug(name);
        for (KnownEntities.Known k : known.all())
            if (k.entity().iri().equals(idNs + local))
                return k.entity();
        return new Draft.Entity(idNs + local, local, false, kind, name);
    }
}
