package org.stargatekg.engine.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;

/** Jena's own transactional in-memory dataset, what the server serves when {@code FROZEN_STORE} is left out. */
public final class StockStore {

    private StockStore() {}

    /** A transactional in-memory copy of every quad of a dataset, named graphs and default graph alike. */
    public static DatasetGraph copyOf(DatasetGraph source) {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(copy, () -> Txn.executeRead(source, () -> source.find().forEachRemaining(copy::add)));
        return copy;
    }
}
