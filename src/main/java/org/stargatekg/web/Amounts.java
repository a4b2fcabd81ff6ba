package org.stargatekg.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats amounts of money for people: 500000000000 USD reads "$500 billion", an upper bound reads "under $10 billion". */
public final class Amounts {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000L);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal TRILLION = BigDecimal.valueOf(1_000_000_000_000L);

    private Amounts() {}

    /** The amount in words with its currency; {@code upperBound} prefixes "under". */
    public static String format(BigDecimal value, String currencyCode, boolean upperBound) {
        String number;
        if (value.abs().compareTo(TRILLION) >= 0)
            number = scaled(value, TRILLION) + " trillion";
        else if (value.abs().compareTo(BILLION) >= 0)
            number = scaled(value, BILLION) + " billion";
        else if (value.abs().compareTo(MILLION) >= 0)
            number = scaled(value, MILLION) + " million";
        else if (value.abs().compareTo(THOUSAND) >= 0)
            number = String.format("%,d", value.setScale(0, RoundingMode.HALF_UP).longValue());
        else
            number = value.stripTrailingZeros().toPlainString();
        String money = "USD".equals(currencyCode) ? "$" + number
                : currencyCode == null ? number : number + " " + currencyCode;
        return upperBound ? "under " + money : money;
    }

    /** The exact figure for the hover text, such as "500000000000 USD" or "< 10000000000 USD". */
    public static String exact(BigDecimal value, String currencyCode, boolean upperBound) {
        String s = value.toPlainString() + (currencyCode == null ? "" : " " + currencyCode);
        return upperBound ? "< " + s : s;
    }

    private static String scaled(BigDecimal value, BigDecimal unit) {
        return value.divide(unit, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
