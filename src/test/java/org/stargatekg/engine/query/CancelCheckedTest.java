package org.stargatekg.engine.query;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.Test;
import org.stargatekg.server.QuerySettings;

/** Where the server's optimizer puts the deadline on the inputs of joins, filters and the like. */
class CancelCheckedTest {

    static {
        org.apache.jena.sys.JenaSystem.init();
    }

    private static String planned(String query) {
        Context context = QuerySettings.context(Duration.ofSeconds(5), null);
        Context.getOrSetCancelSignal(context);
        RewriteFactory optimizer = context.get(ARQConstants.sysOptimizerFactory);
        Op op = optimizer.create(context).rewrite(Algebra.compile(QueryFactory.create(query)));
        return op.toString();
    }

    @Test
    void each_input_of_a_join_or_sequence_is_read_under_the_deadline() {
        String plan = planned("SELECT * { { ?a ?b ?c } UNION { ?c ?b ?a } { ?d ?e ?f } UNION { ?f ?e ?d } }");
        assertTrue((plan.contains("(join") || plan.contains("(sequence")) && plan.split("cancel-checked", -1).length - 1 >= 2, plan);
    }

    @Test
    void a_join_under_distinct_is_read_under_the_deadline_too() {
        // DISTINCT's input is counted in an operator of our own; the deadline must still reach the join inside it.
        String plan = planned("SELECT DISTINCT * { { ?a ?b ?c } UNION { ?c ?b ?a } { ?d ?e ?f } UNION { ?f ?e ?d } }");
        int counted = plan.indexOf("counted-rows");
        assertTrue(counted >= 0, plan);
        assertTrue(plan.indexOf("cancel-checked", counted) > counted, plan);
    }
}
