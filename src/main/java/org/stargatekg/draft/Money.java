package org.stargatekg.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds amounts of money in text and reads them as decimals with an ISO 4217 currency: "$500 billion", "$1B",
 * "€3.2 million", "US$40m", "USD 12,000", "a billion dollars", "two million euros"; an amount after "under", "less
 * than", "up to" and the like is an upper bound ("well under $10 billion"); one after "how to", "if" or "whether" in
 * its clause is hypothetical.
 */
final class Money {

    /** An amount found: [begin, end) covers its words, qualifier included. */
    record Found(int begin, int end, BigDecimal number, boolean upperBound, String currency, boolean hypothetical) {}

    private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("$", "USD"), Map.entry("US$", "USD"),
            Map.entry("U.S.$", "USD"), Map.entry("C$", "CAD"), Map.entry("CA$", "CAD"), Map.entry("A$", "AUD"),
            Map.entry("AU$", "AUD"), Map.entry("NZ$", "NZD"), Map.entry("HK$", "HKD"), Map.entry("S$", "SGD"),
            Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("¥", "JPY"), Map.entry("₹", "INR"), Map.entry("₩", "KRW"), Map.entry("₦", "NGN"),
            Map.entry("CHF", "CHF"));
    private static final Map<String, String> NAMES = Map.of("dollar", "USD", "euro", "EUR", "pound", "GBP", "yen", "JPY",
            "yuan", "CNY", "rupee", "INR", "franc", "CHF", "naira", "NGN");
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?";
    private static final String SCALE = "((?i:trillion|billion|million|thousand|tn|bn|mn)|[TtBbMmKk])";
    private static final Pattern SYMBOL_FORM = Pattern.compile(
            "(US\\$|U\\.S\\.\\$|CA\\$|AU\\$|NZ\\$|HK\\$|[CAS]\\$|\\$|€|£|¥|₹|₩|₦)\\s?" + NUMBER + "(?:\\s?" + SCALE + "\\b)?");
    /** Nigerian copy writes the naira as a capital N before the figure ("N285 billion"): only with a scale word, so "N95" is no amount. */
    private static final Pattern NAIRA_LETTER_FORM = Pattern.compile(
            "\\bN" + NUMBER + "\\s?(trillion|billion|million|tn|bn)\\b");
    private static final Pattern CODE_FORM = Pattern.compile(
            "\\b(USD|EUR|GBP|JPY|CNY|INR|CHF|CAD|AUD|NGN)\\s?" + NUMBER + "(?:\\s?" + SCALE + "\\b)?");
    private static final Pattern WORD_FORM = Pattern.compile(
            "(?i)\\b(" + Words.NUMBER_WORDS + "|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s+(trillion|billion|million|thousand)?\\s*"
            + "(?:(U\\.?S\\.?|Swiss|Canadian|Australian|Hong Kong|Singapore|New Zealand|Japanese|Chinese|Indian)\\s+)?"
            + "(dollar|euro|pound|yen|yuan|rupee|franc|naira)s?\\b");
    private static final Map<String, String> NATIONAL = Map.of("canadian dollar", "CAD", "australian dollar", "AUD",
            "hong kong dollar", "HKD", "singapore dollar", "SGD", "new zealand dollar", "NZD");
    private static final Pattern BOUND_BEFORE = Pattern.compile(
            "(?i)((?:well|far|just|slightly|much)\\s+)?(under|below|less than|fewer than|up to|at most|no more than|not more than|a maximum of)\\s+$");
    private static final Pattern HYPOTHETICAL = Pattern.compile("(?i)\\b(how to|how best to|what to do with|if|whether|would|could)\\b");

    private Money() {}

    /** Every amount in the text, in order. */
    static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        Matcher m = SYMBOL_FORM.matcher(text);
        while (m.find())
            add(text, out, m.start(), m.end(), m.group(2), m.group(3), m.group(4), SYMBOLS.get(m.group(1)));
        m = NAIRA_LETTER_FORM.matcher(text);
        while (m.find())
            add(text, out, m.start(), m.end(), m.group(1), m.group(2), m.group(3), "NGN");
        m = CODE_FORM.matcher(text);
        while (m.find())
            add(text, out, m.start(), m.end(), m.group(2), m.group(3), m.group(4), m.group(1));
        m = WORD_FORM.matcher(text);
        while (m.find()) {
            String n = m.group(1).toLowerCase(Locale.ROOT);
            String digits = Words.NUMBERS.containsKey(n) ? Integer.toString(Words.NUMBERS.get(n)) : n;
            String[] parts = digits.split("\\.");
            String unit = m.group(4).toLowerCase(Locale.ROOT);
            String national = m.group(3) == null ? null : NATIONAL.get(m.group(3).toLowerCase(Locale.ROOT) + " " + unit);
            add(text, out, m.start(), m.end(), parts[0], parts.length > 1 ? parts[1] : null, m.group(2),
                national != null ? national : NAMES.get(unit));
        }
        out.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
        return out;
    }

    private static void add(String text, List<Found> out, int begin, int end, String whole, String fraction, String scale, String currency) {
        if (out.stream().anyMatch(f -> f.begin() < end && f.end() > begin))
            return;
        BigDecimal n = new BigDecimal(whole.replace(",", "") + (fraction == null ? "" : "." + fraction));
        n = n.multiply(multiplier(scale));
        n = n.stripTrailingZeros();
        if (n.scale() < 0)
            n = n.setScale(0);
        String before = text.substring(Math.max(0, begin - 30), begin);
        Matcher bound = BOUND_BEFORE.matcher(before);
        boolean upper = bound.find();
        int from = upper ? begin - (before.length() - bound.start()) : begin;
        String clause = text.substring(clauseStart(text, from), from);
        out.add(new Found(from, end, n, upper, currency, HYPOTHETICAL.matcher(clause).find()));
    }

    private static int clauseStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == '\n' || c == '"' || c == '\u201C' || c == '\u201D'
                || (c == '.' && i + 1 < text.length() && text.charAt(i + 1) == ' '))
                return i + 1;
        }
        return 0;
    }

    private static BigDecimal multiplier(String scale) {
        if (scale == null)
            return BigDecimal.ONE;
        return switch (scale.toLowerCase(Locale.ROOT)) {
            case "trillion", "tn", "t" -> new BigDecimal("1000000000000");
            case "billion", "bn", "b" -> new BigDecimal("1000000000");
            case "million", "mn", "m" -> new BigDecimal("1000000");
            case "thousand", "k" -> new BigDecimal("1000");
            default -> BigDecimal.ONE;
        };
    }
}
