package org.stargatekg.engine.query;

import java.math.BigInteger;

import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.library.Math_pow;

/**
 * {@code math:pow} as Jena computes it, except that an integer power of more than {@link #MAX_DIGITS} digits is an
 * error: Jena computes it exactly with {@link BigInteger#pow}, which cannot be cancelled ({@code math:pow(10, 100000000)}
 * ran for minutes and took 3.4 GB, past any query timeout).
 */
public final class BoundedPow extends Math_pow {

    /** The IRI this function answers for. */
    public static final String IRI = "http://www.w3.org/2005/xpath-functions/math#pow";
    /** The most decimal digits an exact integer power may have. */
    public static final int MAX_DIGITS = 10_000;
    private static final double LOG2_10 = Math.log(10) / Math.log(2);

    @Override
    public NodeValue exec(NodeValue base, NodeValue exponent) {
        if (base.isInteger() && exponent.isInteger() && exponent.getInteger().signum() > 0) {
            BigInteger b = base.getInteger().abs();
            BigInteger e = exponent.getInteger();
            if (b.compareTo(BigInteger.ONE) > 0
                && (e.bitLength() > 31 || (double) (b.bitLength() - 1) * e.intValue() > MAX_DIGITS * LOG2_10))
                throw new ExprEvalException("math:pow: the result would have more than " + MAX_DIGITS + " digits");
        }
        return super.exec(base, exponent);
    }
}
