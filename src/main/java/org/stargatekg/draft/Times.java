package org.stargatekg.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds durations ("over the next four years" as P4Y, "90 minutes" as PT90M) and dates ("January 21, 2025",
 * "21 Jan 2025", "2025-01-21" as xsd:date; "March 2024" as xsd:gYearMonth; "in 2023" as xsd:gYear) in text.
 */
final class Times {

    /** A time expression found: its words, and its value as a typed literal (lexical form, XSD datatype local name). */
    record Found(int begin, int end, String lexical, String datatype) {}

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                                        + "Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + "\\s+(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{4})\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(?:in|since|by|until|before|after|during|from)\\s+((?:19|20)\\d{2})\\b");
    private static final Pattern DURATION = Pattern.compile("(?i)\\b(?:(?:the\\s+)?(?:next|past|last|coming|first|following)\\s+)?("
            + Words.NUMBER_WORDS + "|\\d+(?:\\.\\d+)?)[\\s-]+(year|month|week|day|hour|minute)s?\\b");

    private Times() {}

    /** Every duration and date in the text, in order. */
    static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        Matcher m = MONTH_DAY_YEAR.matcher(text);
        while (m.find())
            date(out, m.start(), m.end(), m.group(3), month(m.group(1)), m.group(2));
        m = DAY_MONTH_YEAR.matcher(text);
        while (m.find())
            date(out, m.start(), m.end(), m.group(3), month(m.group(2)), m.group(1));
        m = ISO.matcher(text);
        while (m.find())
            date(out, m.start(), m.end(), m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        m = MONTH_YEAR.matcher(text);
        while (m.find())
            add(out, new Found(m.start(), m.end(), m.group(2) + "-" + String.format("%02d", month(m.group(1))), "gYearMonth"));
        m = YEAR.matcher(text);
        while (m.find())
            add(out, new Found(m.start(1), m.end(1), m.group(1), "gYear"));
        m = DURATION.matcher(text);
        while (m.find()) {
            String n = m.group(1).toLowerCase(Locale.ROOT);
            if (n.equals("a") || n.equals("an")) {
                // "a day", "a year" are too often not a duration ("once a year"); only counted ones are kept.
                continue;
            }
            String count = Words.NUMBERS.containsKey(n) ? Integer.toString(Words.NUMBERS.get(n)) : n;
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            String lexical = switch (unit) {
                case "year" -> "P" + count + "Y";
                case "month" -> "P" + count + "M";
                case "week" -> "P" + count + "W";
                case "day" -> "P" + count + "D";
                case "hour" -> "PT" + count + "H";
                default -> "PT" + count + "M";
            };
            add(out, new Found(m.start(), m.end(), lexical, "duration"));
        }
        out.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
        return out;
    }

    private static void date(List<Found> out, int begin, int end, String year, int month, String day) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
            add(out, new Found(begin, end, d.toString(), "date"));
        } catch (java.time.DateTimeException ex) {
            // not a calendar date (31 February): not proposed
        }
    }

    private static void add(List<Found> out, Found f) {
        if (out.stream().noneMatch(o -> o.begin() < f.end() && o.end() > f.begin()))
            out.add(f);
    }

    private static int month(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace(".", "");
        return MONTHS.getOrDefault(key.substring(0, Math.min(3, key.length())), 1);
    }
}
