package org.stargatekg.load;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.stargatekg.vocab.Namespaces;

/**
 * Where a loaded graph is kept between runs (a TDB2 store on disk), so that sources that have not changed are served
 * without being read again. The loader reads and checks every source before it calls {@link #replace}, so a source
 * that fails leaves what was kept exactly as it was.
 */
public interface KeptGraph {

    /** The folder the graph is kept in, for messages. */
    Path dir();

    /** The kept graph when it holds exactly these source folders and is intact (all of it read back when {@code full}), else null. */
    KnowledgeGraph open(List<Path> sources, Namespaces namespaces, boolean full);

    /** Replaces whatever was kept by a graph loaded and validated from these source folders; returns the dataset to serve. */
    DatasetGraph replace(DatasetGraph loaded, List<Path> sources, Namespaces namespaces);
}
