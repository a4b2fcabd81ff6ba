package org.stargatekg.engine.query;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.vocabulary.RDF;
import org.stargatekg.search.LimitedSearch;

/**
 * Holds the Lucene queries of {@code text:query} in SPARQL to the search page's complexity limit
 * ({@link LimitedSearch#check}): Lucene's expansion of fuzzy and wildcard terms is not cancellable, so the query
 * timeout could not stop a thousand fuzzy terms. A query over the limit is refused (400) before it runs.
 */
final class TextQueryLimit {

    private static final String TEXT_QUERY = "http://jena.apache.org/text#query";

    private TextQueryLimit() {}

    /** Throws {@link QueryParseException} when a text:query string in the algebra (EXISTS included) is too complex. */
    static void check(Op op) {
        List<List<Triple>> patterns = new ArrayList<>();
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpBGP bgp) {
                patterns.add(bgp.getPattern().getList());
            }

            @Override
            public void visit(OpTriple triple) {
                patterns.add(List.of(triple.getTriple()));
            }
        }, new ExprVisitorBase());
        for (List<Triple> pattern : patterns) {
            if (pattern.stream().noneMatch(TextQueryLimit::isTextQuery))
                continue;
            // The search string is the object, or an element of the argument list (rdf:first) of the same pattern.
            for (Triple t : pattern)
                if (isTextQuery(t) || t.getPredicate().equals(RDF.first.asNode()))
                    check(t.getObject());
        }
    }

    private static boolean isTextQuery(Triple t) {
        return t.getPredicate().isURI() && t.getPredicate().getURI().equals(TEXT_QUERY);
    }

    private static void check(Node object) {
        if (!object.isLiteral() || !(object.getLiteralValue() instanceof String search))
            return;
        try {
            LimitedSearch.check(search);
        } catch (IllegalArgumentException tooComplex) {
            throw new QueryParseException("text:query too complex: " + tooComplex.getMessage(), -1, -1);
        }
    }
}
