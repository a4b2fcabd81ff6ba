package org.stargatekg.cli;

import java.nio.file.Path;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where the server keeps the graph: in memory (neither option), a TDB2 store, or an external store; one at most. */
final class StoreChoice {

    @Option(names = "--store", paramLabel = "DIR",
            description = "Keep the graph in a TDB2 store in this folder (created if absent): the first start loads and validates the "
                          + "files into it, later starts with unchanged sources serve it without reading them again. Default: in memory.")
    Path storeDir;

    @ArgGroup(exclusive = false)
    External external;

    /** An external SPARQL store filled by the {@code load} command, and how to read it. */
    static final class External {

        @Option(names = "--sparql-endpoint", paramLabel = "URL", required = true,
                description = "Serve from this external SPARQL 1.1 query endpoint (filled by the load command) instead of loading the data here.")
        String endpoint;

        @Option(names = "--sparql-graph", paramLabel = "IRI",
                description = "With --sparql-endpoint: read only the named graphs whose IRI starts with this one (default: NAMESPACE graph/).")
        String graphPrefix;
    }
}
