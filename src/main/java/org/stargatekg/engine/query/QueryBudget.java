package org.stargatekg.engine.query;

import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.Symbol;

/**
 * How much memory one query may take beyond its timeout's reach: the longest string it may build (with
 * {@code CONCAT}, {@code GROUP_CONCAT}, {@code REPLACE}, {@code ENCODE_FOR_URI} or a library function) and the most
 * rows it may feed into an operator that holds them ({@code DISTINCT}, {@code GROUP BY}, a full {@code ORDER BY}).
 * Past either the query stops with {@link QueryBudgetExceeded}, answered 400 naming the limit: one
 * {@code GROUP_CONCAT} over a cross product filled 5.2 GB of heap within its timeout (issue 23).
 *
 * @param maxStringLength the most characters of any string a query builds
 * @param maxHeldRows     the most rows fed into DISTINCT, GROUP BY or ORDER BY (without LIMIT) of one query
 */
public record QueryBudget(int maxStringLength, long maxHeldRows) {

    /** The defaults: strings of 1 Mi characters, a million rows. */
    public static final QueryBudget DEFAULT = new QueryBudget(1 << 20, 1_000_000);

    /** The context key under which the server sets its budget. */
    public static final Symbol SYMBOL = Symbol.create("https://w3id.org/stargate-kg/ns#queryBudget");

    /** Checks every value. */
    public QueryBudget {
        if (maxStringLength < 1024 || maxHeldRows < 1000)
            throw new IllegalArgumentException("budget out of range: " + maxStringLength + " characters, " + maxHeldRows + " rows");
    }

    /** Returns {@code value}, or throws if it is a literal longer than the string limit. */
    NodeValue checked(NodeValue value) {
        if (value != null && value.isLiteral() && value.asNode().getLiteralLexicalForm().length() > maxStringLength)
            throw stringTooLong();
        return value;
    }

    QueryBudgetExceeded stringTooLong() {
        return new QueryBudgetExceeded("the query built a string longer than " + maxStringLength
                                       + " characters (the limit maxStringLength)");
    }

    QueryBudgetExceeded tooManyRows() {
        return new QueryBudgetExceeded("the query fed more than " + maxHeldRows
                                       + " rows into DISTINCT, GROUP BY or ORDER BY (the limit maxHeldRows)");
    }

    /** A query went past its budget; the message names the limit. Not an expression error: it ends the query. */
    public static final class QueryBudgetExceeded extends RuntimeException {
        QueryBudgetExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
