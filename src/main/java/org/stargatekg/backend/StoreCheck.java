package org.stargatekg.backend;

import org.stargatekg.load.KnowledgeGraph;

import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stargatekg.vocab.Namespaces;

/**
 * Opens a store that holds the right sources only if it is still what its last load left: its files first (before
 * TDB2 reads any of them), then its counts, and on request its content and indexes. A damaged store is reported in
 * one line naming its folder and what differs, and loaded again from the sources, instead of being served as it is or
 * ending the start with a stack trace.
 */
final class StoreCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCheck.class);

    private StoreCheck() {}

    /** The store's graph when it checks out, else null after logging why (the caller loads the sources again). */
    static KnowledgeGraph open(PersistentStore store, Namespaces namespaces, boolean full) {
        String damage = store.damagedFiles();
        if (damage == null) {
            try {
                DatasetGraph db = store.open();
                KnowledgeGraph kept = new KnowledgeGraph(db, namespaces, List.of(), KnowledgeGraph.Origin.STORE);
                damage = store.damagedCounts(kept.quadCount(), kept.graphCount());
                if (damage == null && full)
                    damage = store.damagedContent(db);
                if (damage == null)
                    return kept;
            } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError unreadable) {
                damage = "it cannot be read: " + oneLine(unreadable);
            }
        }
        LOG.warn("The store {} is not as its last load left it ({}): loading it again from the sources", store.dir().toAbsolutePath(), damage);
        return null;
    }

    private static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root)
            root = root.getCause();
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
