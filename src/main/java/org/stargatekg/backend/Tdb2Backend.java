package org.stargatekg.backend;

import java.nio.file.Path;

import org.stargatekg.load.KnowledgeGraph;

/** The graph kept in a TDB2 store on disk ({@code --store DIR}), loaded into it once and served from it afterwards. */
public final class Tdb2Backend extends LoadedBackend {

    private final Path dir;

    /** Serves a graph the loader put into (or found in) the store in {@code dir}. */
    public Tdb2Backend(KnowledgeGraph graph, Path dir) {
        super(graph);
        this.dir = dir;
    }

    @Override
    public String describe() {
        return graph().summary() + ", in the TDB2 store " + dir.toAbsolutePath();
    }
}
