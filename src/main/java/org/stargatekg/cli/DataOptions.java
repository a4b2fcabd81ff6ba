package org.stargatekg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.stargatekg.vocab.Namespaces;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that say which data a command reads, shared by every command that loads it: its namespace and extra folders. */
final class DataOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--namespace", paramLabel = "IRI", defaultValue = Namespaces.STANDARD,
            description = "The dataset namespace the data's IRIs sit under (id/, evidence/, graph/), as its Turtle files write it; "
                          + "never the server's address (default: ${DEFAULT-VALUE}).")
    private String namespace;

    @Option(names = "--data", paramLabel = "DIR",
            description = "An extra article folder (article.txt and *.ttl) loaded after the shipped ones; repeatable.")
    private List<Path> extraArticles = new ArrayList<>();

    /** The dataset namespaces, or a usage error (exit 2) saying what is wrong with the option. */
    Namespaces namespaces() {
        try {
            return new Namespaces(namespace);
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--namespace': " + ex.getMessage());
        }
    }

    /** The extra article folders, each checked to exist and be a folder (a usage error otherwise). */
    List<Path> extraArticles() {
        for (Path dir : extraArticles) {
            if (!Files.exists(dir))
                throw new ParameterException(spec.commandLine(), "--data folder does not exist: " + dir.toAbsolutePath());
            if (!Files.isDirectory(dir))
                throw new ParameterException(spec.commandLine(), "--data is not a folder: " + dir.toAbsolutePath());
        }
        return List.copyOf(extraArticles);
    }
}
