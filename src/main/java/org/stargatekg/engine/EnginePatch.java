package org.stargatekg.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every place where this project replaces or wraps an Apache Jena, Fuseki or Jetty internal, each with a switch back
 * to the stock behaviour: the system property {@value #PROPERTY} names the patches to leave out, comma-separated
 * ({@code -Dstargate.engine.stock=FROZEN_STORE,QUERY_PARSER}), or {@code all}. A Jena upgrade is checked here: run
 * the reference suites with {@code all} (the {@code stock-engine} test run does), then with none.
 */
public enum EnginePatch {

    /** Our read-only dictionary-encoded store ({@code engine.store.FrozenDatasetGraph}); stock: Jena's transactional in-memory dataset. */
    FROZEN_STORE("Jena's DatasetGraphFactory.createTxnMem()"),
    /** Basic graph patterns over our store planned with real counts; stock: ARQ's generic stage generator. */
    COUNTING_PLANNER("ARQ's StageGeneratorGeneric with its fixed-guess reordering"),
    /** The query parser with a per-thread parser and a caching base IRI; stock: {@code QueryFactory.create}. */
    QUERY_PARSER("QueryFactory.create(text, base, Syntax.syntaxARQ)"),
    /** Fuseki's query processor minus the query's re-serialisation for logging; stock: {@code SPARQL_QueryDataset}. */
    QUERY_PROCESSOR("Fuseki's SPARQL_QueryDataset"),
    /** SPARQL JSON results streamed without a 128 KB buffer per response; stock: Jena's {@code RowSetWriterJSON}. */
    JSON_RESULTS_WRITER("Jena's RowSetWriterJSON"),
    /** Query timeout alarms removed from Jena's alarm queue when their query ends; stock: left until they fire. */
    QUERY_ALARMS("ARQ's AlarmClock entries kept until their timeout passes"),
    /**
     * Regular expressions, REPLACE and constant folding under the query's deadline (and, with {@link #PLANNED_JOINS},
     * the inputs of joins), and the query's memory budget (strings it builds, rows held by DISTINCT, GROUP BY and
     * ORDER BY: {@code engine.query.QueryBudget}); stock: ARQ's optimizer, {@code java.util.regex} without a deadline
     * and no budget. {@code math:pow}'s digit bound
     * ({@code BoundedPow}) is registered with the functions either way: it is the function, not the plan.
     */
    DEADLINES("ARQ's default optimizer with optExprConstantFolding, regex without a deadline, no memory budget"),
    /**
     * The inputs of joins, left joins, MINUS, unions, sequences, conditionals and filters read under the deadline
     * ({@code engine.query.CancelChecked}), since Jena 5.6 builds hash joins while it plans, holding the lock its
     * timeout needs; part of {@link #DEADLINES}, which must be in use too. Stock: a join planned past the timeout.
     */
    PLANNED_JOINS("Jena's hash joins built while planning, out of the timeout's reach"),
    /**
     * ARQ's FILTER(a || b) rewrite kept only where it cannot repeat a row (apache/jena issue 4160); stock: ARQ's
     * rewrite, which returns a row once per true disjunct.
     */
    FILTER_DISJUNCTION("ARQ's TransformFilterDisjunction (apache/jena issue 4160)"),
    /** The single-pass closure materializer; stock: Jena's forward RETE engine over {@code rules/materialize.rules}. */
    MATERIALIZER("Jena's GenericRuleReasoner (FORWARD_RETE) over rules/materialize.rules"),
    /** sh:class answered from the data's subclass closure worked out once; stock: Jena SHACL's ClassConstraint. */
    SHACL_CLASS("Jena SHACL's ClassConstraint"),
    /** SHACL validation of each target shape's focus nodes on every core; stock: {@code ShaclValidator.validate} on one thread. */
    SHACL_PARALLEL("ShaclValidator.get().validate(shapes, data)");

    /** The system property naming the patches left out ("all" for every one). */
    public static final String PROPERTY = "stargate.engine.stock";

    private final String stock;

    EnginePatch(String stock) {
        this.stock = stock;
    }

    /** What runs instead when this patch is left out. */
    public String stock() {
        return stock;
    }

    /** Whether this patch is in use (the default), rather than Jena's stock behaviour. */
    public boolean patched() {
        return !Stock.LEFT_OUT.contains(this);
    }

    /** The patches left out by {@value #PROPERTY}, in declaration order. */
    public static Set<EnginePatch> leftOut() {
        return Stock.LEFT_OUT.isEmpty() ? EnumSet.noneOf(EnginePatch.class) : EnumSet.copyOf(Stock.LEFT_OUT);
    }

    /** The patches a property value names; throws naming the valid names when one is not a patch. */
    public static Set<EnginePatch> parse(String value) {
        Set<EnginePatch> out = EnumSet.noneOf(EnginePatch.class);
        if (value == null || value.isBlank())
            return out;
        for (String name : value.split(",")) {
            String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (n.isEmpty())
                continue;
            if (n.equals("ALL"))
                return EnumSet.allOf(EnginePatch.class);
            try {
                out.add(valueOf(n));
            } catch (IllegalArgumentException ex) {
                List<String> names = new ArrayList<>();
                for (EnginePatch p : values())
                    names.add(p.name());
                throw new IllegalArgumentException(PROPERTY + ": '" + name.strip() + "' is not a patch; use all or some of " + names, ex);
            }
        }
        return out;
    }

    /** Read once, at first use: a patch is not switched while the process runs. */
    private static final class Stock {
        static final Set<EnginePatch> LEFT_OUT = parse(System.getProperty(PROPERTY));
    }
}
