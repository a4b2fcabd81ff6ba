package org.stargatekg.author;

import java.nio.file.Path;
import java.util.List;

import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.load.ShippedSources;
import org.stargatekg.load.SourceFiles;
import org.stargatekg.vocab.Namespaces;

/**
 * Loaders of the shipped data and the other folders, leaving out a shipped folder of the same name as the one under
 * review (a copy of a shipped article being corrected takes its place, as {@code --data} of the same name would clash).
 */
final class Loaders {

    private Loaders() {}

    /** The shipped ontology, the shipped article folders not named {@code reviewed}, and the other folders. */
    static KnowledgeGraphLoader without(String reviewed, Namespaces namespaces, List<Path> others) {
        ShippedSources shipped = ShippedSources.locate();
        KnowledgeGraphLoader loader = KnowledgeGraphLoader.create(namespaces).ontology(shipped.ontologyDir());
        if (shipped.hasData())
            SourceFiles.subFolders(shipped.dataDir()).stream()
                       .filter(f -> !SourceFiles.fileName(f).equals(reviewed))
                       .forEach(loader::article);
        others.forEach(loader::article);
        return loader;
    }
}
