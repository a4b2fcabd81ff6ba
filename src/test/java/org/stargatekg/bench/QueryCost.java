package org.stargatekg.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.stargatekg.conformance.QueryGenerator;
import org.stargatekg.engine.EnginePatch;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.server.QuerySettings;
import org.stargatekg.vocab.Namespaces;

/**
 * Evaluates the differential test's generated queries over the shipped data on our stack, several rounds, and prints
 * the rows and the time of the last rounds: run as a whole process twice, with and without
 * {@code -Dstargate.engine.stock=NAME}, it prices one engine patch against stock Jena on the same queries.
 * Arguments: queries (default 1,000) and rounds (default 5).
 */
public final class QueryCost {

    private QueryCost() {}

    public static void main(String... args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        KnowledgeGraph kg = KnowledgeGraphLoader.create(Namespaces.standard()).ontology(Path.of("ontology"))
                                                .article(Path.of("data/stargate")).load();
        Dataset ds = kg.dataset();
        List<Quad> quads = Txn.calculateRead(ds, () -> Iter.toList(ds.asDatasetGraph().findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY)));
        QueryGenerator generator = new QueryGenerator(quads);
        List<Query> queries = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                queries.add(QueryFactory.create(generator.generate(20_260_601L + i).text()));
            } catch (RuntimeException unparsable) {
                // the differential test counts these; here they are left out
            }
        }
        // The first round finds the queries that end within their timeout; the others would make the work depend on
        // how fast the machine is, so later rounds leave them out.
        List<Query> timely = new java.util.ArrayList<>();
        Txn.executeRead(ds, () -> queries.forEach(q -> {
            if (rows(ds, q) >= 0)
                timely.add(q);
        }));
        long rows = 0;
        long t0 = System.nanoTime();
        for (int round = 1; round < rounds; round++) {
            rows = Txn.calculateRead(ds, () -> {
                long n = 0;
                for (Query q : timely)
                    n += rows(ds, q);
                return n;
            });
        }
        long nanos = System.nanoTime() - t0;
        System.out.printf("%d of %d queries within their timeout, %d rows a round, %.1f ms a round after the first; patches left out: %s%n",
                          timely.size(), queries.size(), rows, nanos / 1e6 / Math.max(1, rounds - 1), EnginePatch.leftOut());
    }

    /** The rows (or triples) of an answer, 0 for an error, -1 when the query ran out of time. */
    private static long rows(Dataset ds, Query q) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q).context(QuerySettings.context(Duration.ofSeconds(5), null)).build()) {
            if (q.isAskType())
                return qe.execAsk() ? 1 : 0;
            if (q.isConstructType())
                return qe.execConstruct().size();
            if (q.isDescribeType())
                return qe.execDescribe().size();
            long n = 0;
            var rs = qe.execSelect();
            while (rs.hasNext()) {
                rs.next();
                n++;
            }
            return n;
        } catch (QueryCancelledException timedOut) {
            return -1;
        } catch (RuntimeException refused) {
            return 0;
        }
    }
}
