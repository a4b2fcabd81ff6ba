package org.stargatekg.engine.query;

import java.util.Objects;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterConvert;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.NodeIsomorphismMap;

/**
 * The rows of a pattern fed into an operator that holds them ({@code DISTINCT}, {@code GROUP BY}, a full
 * {@code ORDER BY}), counted: past {@link QueryBudget#maxHeldRows()} the query ends with
 * {@link QueryBudget.QueryBudgetExceeded}. Put in after the optimizer, so that {@code ORDER BY … LIMIT}, which Jena
 * turns into a top-N that holds only N rows, is not counted.
 */
final class CountedRows extends OpExt {

    private final Op sub;
    private final QueryBudget budget;

    CountedRows(Op sub, QueryBudget budget) {
        super("counted-rows");
        this.sub = sub;
        this.budget = budget;
    }

    @Override
    public Op effectiveOp() {
        return sub;
    }

    /** The same count over another pattern (a rewrite of this one's). */
    CountedRows over(Op pattern) {
        return new CountedRows(pattern, budget);
    }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext context) {
        long[] rows = {0};
        QueryIterator rowsOfSub = QC.execute(sub, input, context);
        return new QueryIterConvert(rowsOfSub, (Binding b) -> {
            if (++rows[0] > budget.maxHeldRows())
                throw budget.tooManyRows();
            return b;
        }, context);
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        out.print(budget.maxHeldRows());
        out.println();
        sub.output(out, sCxt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sub, budget);
    }

    @Override
    public boolean equalTo(Op other, NodeIsomorphismMap labels) {
        return other instanceof CountedRows c && c.budget.equals(budget) && c.sub.equalTo(sub, labels);
    }
}
