package org.stargatekg.conformance;

import java.time.Duration;
import java.util.Collection;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.stargatekg.engine.EnginePatch;
import org.stargatekg.engine.store.StockStore;
import org.stargatekg.server.QuerySettings;
import org.stargatekg.engine.store.FrozenDatasetGraph;

/**
 * The two ways a test runs a query: through the stack we serve (our frozen store with its planner, and the query
 * settings of {@code /sparql}, {@link QuerySettings}) and through Jena's reference in-memory dataset with Jena's
 * default settings.
 */
final class QueryStacks {

    /** The query timeout of the tests' executions: the server's default. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private QueryStacks() {}

    /** Our store holding the quads: those in the default graph as its real default graph, the others as named graphs. */
    static Dataset ours(Collection<Quad> quads) {
        FrozenDatasetGraph.Builder b = FrozenDatasetGraph.builder();
        quads.forEach(b::add);
        return DatasetFactory.wrap(EnginePatch.FROZEN_STORE.patched() ? b.build() : StockStore.copyOf(b.build()));
    }

    /** Jena's transactional in-memory dataset holding the same quads. */
    static Dataset reference(Collection<Quad> quads) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> quads.forEach(dsg::add));
        return DatasetFactory.wrap(dsg);
    }

    /** An execution over our dataset with the server's settings. */
    static QueryExecution onOurs(Dataset ours, Query query) {
        return QueryExecution.dataset(ours).query(query).context(QuerySettings.context(TIMEOUT, null)).build();
    }

    /** An execution over the reference dataset with Jena's defaults. */
    static QueryExecution onReference(Dataset reference, Query query) {
        return QueryExecution.dataset(reference).query(query).build();
    }
}
