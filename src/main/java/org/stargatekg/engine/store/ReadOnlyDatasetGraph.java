package org.stargatekg.engine.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.core.TransactionalNull;

/**
 * A dataset that refuses every write and whose transactions only mark the thread, since nothing changes under a
 * reader: the base of our own store and of an external store read through SPARQL. Subclasses may keep per-transaction
 * state through {@link #opened()} and {@link #closed()}.
 */
public abstract class ReadOnlyDatasetGraph extends DatasetGraphBaseFind {

    private final String refusal;
    private final Transactional txn = TransactionalNull.create();
    private final PrefixMap prefixes = PrefixMapFactory.emptyPrefixMap();

    /** A dataset whose writes fail with "read-only: " and what it is. */
    protected ReadOnlyDatasetGraph(String what) {
        this.refusal = "read-only: " + what;
    }

    /** Called when a transaction begins on this thread. */
    protected void opened() {}

    /** Called when the transaction on this thread ends, however it ends. */
    protected void closed() {}

    @Override public void addGraph(Node graphName, Graph graph) { throw new UnsupportedOperationException(refusal); }
    @Override public void removeGraph(Node graphName) { throw new UnsupportedOperationException(refusal); }
    @Override public void add(Quad quad) { throw new UnsupportedOperationException(refusal); }
    @Override public void delete(Quad quad) { throw new UnsupportedOperationException(refusal); }
    @Override public void deleteAny(Node g, Node s, Node p, Node o) { throw new UnsupportedOperationException(refusal); }

    @Override public PrefixMap prefixes() { return prefixes; }
    @Override public boolean supportsTransactions() { return true; }
    @Override public boolean supportsTransactionAbort() { return false; }

    @Override public void begin() { begin(TxnType.READ); }
    @Override public void begin(ReadWrite mode) { begin(TxnType.convert(mode)); }
    @Override public void begin(TxnType type) {
        txn.begin(type);
        opened();
    }
    @Override public boolean promote(Promote mode) { return false; }
    @Override public void commit() { txn.commit(); closed(); }
    @Override public void abort() { txn.abort(); closed(); }
    @Override public void end() { txn.end(); closed(); }
    @Override public boolean isInTransaction() { return txn.isInTransaction(); }
    @Override public ReadWrite transactionMode() { return txn.transactionMode(); }
    @Override public TxnType transactionType() { return txn.transactionType(); }
}
