package org.stargatekg.backend;

import org.stargatekg.load.KnowledgeGraph;

/** The graph loaded from its files into our compact in-memory store, the default. */
public final class InMemoryBackend extends LoadedBackend {

    /** Serves a graph the loader built in memory. */
    public InMemoryBackend(KnowledgeGraph graph) {
        super(graph);
    }

    @Override
    public String describe() {
        return graph().summary() + ", in memory";
    }
}
