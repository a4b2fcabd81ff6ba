package org.stargatekg.engine.query;

import java.util.List;
import java.util.Objects;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpDisjunction;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.NodeIsomorphismMap;

/**
 * The rows an operator's input gives, each read only before the execution's deadline. Jena 5.6 builds and probes a
 * hash join while it plans ({@code QueryIterHashJoin.create} reads both sides), and it plans holding the lock its
 * timeout needs to set the cancel flag ({@code QueryExecDataset.startQueryIterator}): the timeout waits for the plan,
 * and a join of two large sides ran minutes past it (DifferentialQueryTest, seed 1020260785 at 100x). Its iterators
 * also pass over input rows in loops that look at no flag (a filter, a MINUS, a step of a sequence). With each input
 * of a join, left join, MINUS, union, sequence, conditional and filter read through this, the flag is looked at once a
 * row and the clock (the server's ceiling, which needs no lock) every {@value #CLOCK_EVERY} rows.
 */
final class CancelChecked extends OpExt {

    /** How many rows pass between two looks at the clock. */
    static final int CLOCK_EVERY = 256;

    private final Op sub;
    private final DeadlineText.Deadline deadline;

    private CancelChecked(Op sub, DeadlineText.Deadline deadline) {
        super("cancel-checked");
        this.sub = sub;
        this.deadline = deadline;
    }

    /** The transform that puts each input of every operator that loops over its inputs under the deadline. */
    static TransformCopy inputs(DeadlineText.Deadline deadline) {
        return new TransformCopy() {
            @Override
            public Op transform(OpJoin op, Op left, Op right) {
                return OpJoin.create(checked(left), checked(right));
            }

            @Override
            public Op transform(OpLeftJoin op, Op left, Op right) {
                return OpLeftJoin.create(checked(left), checked(right), op.getExprs());
            }

            @Override
            public Op transform(OpMinus op, Op left, Op right) {
                return OpMinus.create(checked(left), checked(right));
            }

            @Override
            public Op transform(OpUnion op, Op left, Op right) {
                return OpUnion.create(checked(left), checked(right));
            }

            @Override
            public Op transform(OpConditional op, Op left, Op right) {
                return new OpConditional(checked(left), checked(right));
            }

            @Override
            public Op transform(OpSequence op, List<Op> elts) {
                return OpSequence.create().copy(elts.stream().map(this::checked).toList());
            }

            @Override
            public Op transform(OpDisjunction op, List<Op> elts) {
                return op.copy(elts.stream().map(this::checked).toList());
            }

            @Override
            public Op transform(OpFilter op, Op sub) {
                return OpFilter.filterDirect(op.getExprs(), checked(sub));
            }

            /** The rows DISTINCT, GROUP BY and ORDER BY hold are counted in an operator the walk does not enter: its pattern is walked here. */
            @Override
            public Op transform(OpExt ext) {
                return ext instanceof CountedRows counted ? counted.over(Transformer.transform(this, counted.effectiveOp())) : ext;
            }

            private Op checked(Op input) {
                return input instanceof CancelChecked ? input : new CancelChecked(input, deadline);
            }
        };
    }

    @Override
    public Op effectiveOp() {
        return sub;
    }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext context) {
        return new Checked(QC.execute(sub, input, context), deadline, context);
    }

    /** Looks at the flag before each row is asked for, and at the clock now and then. */
    private static final class Checked extends QueryIter1 {
        private final DeadlineText.Deadline deadline;
        private int rows;

        Checked(QueryIterator input, DeadlineText.Deadline deadline, ExecutionContext context) {
            super(input, context);
            this.deadline = deadline;
        }

        @Override
        protected boolean hasNextBinding() {
            if (++rows >= CLOCK_EVERY) {
                rows = 0;
                deadline.check();
            } else if (deadline.cancelled() != null && deadline.cancelled().get()) {
                throw new QueryCancelledException();
            }
            return getInput().hasNext();
        }

        @Override
        protected Binding moveToNextBinding() {
            return getInput().nextBinding();
        }

        @Override
        protected void closeSubIterator() {}

        @Override
        protected void requestSubCancel() {}
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        out.println();
        sub.output(out, sCxt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sub, deadline);
    }

    @Override
    public boolean equalTo(Op other, NodeIsomorphismMap labels) {
        return other instanceof CancelChecked c && c.deadline == deadline && c.sub.equalTo(sub, labels);
    }
}
