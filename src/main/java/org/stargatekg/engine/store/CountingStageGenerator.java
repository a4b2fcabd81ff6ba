package org.stargatekg.engine.store;

import static org.stargatekg.engine.store.QuadOrder.O;
import static org.stargatekg.engine.store.QuadOrder.P;
import static org.stargatekg.engine.store.QuadOrder.S;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.StageGeneratorGeneric;
import org.apache.jena.sparql.engine.optimizer.reorder.PatternElements;
import org.apache.jena.sparql.engine.optimizer.reorder.PatternTriple;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformationSubstitution;
import org.apache.jena.sparql.sse.Item;

/**
 * Plans each basic graph pattern over a {@link FrozenDatasetGraph} with real counts instead of ARQ's fixed guesses:
 * the next triple pattern is the one expected to give the fewest rows, its constants counted exactly in the store's
 * indexes and each position bound by an earlier pattern divided by that predicate's distinct subjects or objects.
 * With fixed weights {@code ?x a sg:Statement} always goes before {@code ?x ?p id:elon-musk}, which scans every
 * statement of every article; with counts the rarer pattern goes first, so a lookup stays as fast as the graph grows.
 * Answers do not change, only the order in which patterns are joined.
 */
final class CountingStageGenerator extends StageGeneratorGeneric {

    private final CountingReorder reorder;

    CountingStageGenerator(FrozenDatasetGraph store) {
        this.reorder = new CountingReorder(store);
    }

    @Override
    public QueryIterator execute(BasicPattern pattern, QueryIterator input, ExecutionContext execCxt) {
        return execute(pattern, reorder, input, execCxt);
    }

    /** Weights a triple pattern by the rows it is expected to give for one input row. */
    static final class CountingReorder extends ReorderTransformationSubstitution {
        private final FrozenDatasetGraph store;
        private final PredicateStatistics stats;
        private final double quads;

        CountingReorder(FrozenDatasetGraph store) {
            this.store = store;
            this.stats = store.predicateStatistics();
            this.quads = Math.max(1, store.quadCount());
        }

        @Override
        protected double weight(PatternTriple pt) {
            int[] ids = new int[4];
            boolean[] joined = new boolean[4];
            Item[] items = {null, pt.subject, pt.predicate, pt.object};
            for (int c = S; c <= O; c++) {
                Node constant = constant(items[c]);
                if (constant != null) {
                    ids[c] = store.id(constant);
                    if (ids[c] < 0)
                        return 0; // a term in no quad: the pattern matches nothing, so it goes first
                } else {
                    ids[c] = -1;
                    joined[c] = PatternElements.isAnyTerm(items[c]);
                }
            }
            double rows = store.count(ids[S], ids[P], ids[O]);
            if (rows == 0)
                return 0;
            if (joined[S])
                rows /= ids[P] >= 0 ? stats.subjects(ids[P]) : Math.max(1, stats.distinctSubjects);
            if (joined[O])
                rows /= ids[P] >= 0 ? stats.objects(ids[P]) : Math.max(1, stats.distinctObjects);
            if (joined[P])
                rows /= Math.max(1, quads / Math.max(1, rows)); // rare: a predicate bound by an earlier pattern
            // Patterns with only variables keep their full count; a tie keeps the written order.
            return Math.max(rows, 0.5);
        }

        /** The term of a constant position, or null for a variable or a position bound by an earlier pattern. */
        private static Node constant(Item item) {
            if (item == null || !item.isNode())
                return null;
            Node n = item.getNode();
            return Var.isVar(n) || n == Node.ANY ? null : n;
        }
    }
}
