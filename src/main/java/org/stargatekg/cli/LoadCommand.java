package org.stargatekg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.load.LoadException;
import org.stargatekg.remote.GraphStoreUpload;
import org.stargatekg.vocab.Namespaces;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code load} subcommand: validates the data as the server does, then PUTs each named graph into an external store. */
@Command(name = "load",
         mixinStandardHelpOptions = true,
         versionProvider = VersionProvider.class,
         description = {"Validates the shipped data plus any --data folders exactly as the server does, then pushes each named graph",
                        "(ontology, each article, its external links, inferred) into a store with the SPARQL 1.1 Graph Store Protocol,",
                        "one PUT per graph, so that running it twice changes nothing."})
final class LoadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--graph-store", paramLabel = "URL", required = true,
            description = "The store's Graph Store Protocol service, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth for Virtuoso.")
    private String graphStore;

    @Mixin
    private StoreLogin login;

    @Mixin
    private DataOptions data;

    /** Validates, uploads, and returns 0, or 1 naming what failed. */
    @Override
    public Integer call() {
        Namespaces namespaces = data.namespaces();
        List<Path> extraArticles = data.extraArticles();
        GraphStoreUpload upload;
        try {
            upload = new GraphStoreUpload(graphStore);
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--graph-store': " + ex.getMessage());
        }
        if (login.user() != null)
            upload.login(login.user(), login.password());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KnowledgeGraph graph;
        try {
            KnowledgeGraphLoader loader = KnowledgeGraphLoader.shipped(namespaces);
            extraArticles.forEach(loader::article);
            graph = loader.load();
        } catch (LoadException ex) {
            err.println(ex.getMessage());
            err.flush();
            return 1;
        }
        graph.notes().forEach(note -> err.println("SHACL note:\n" + note));
        out.println("Valid: " + graph.summary());
        out.flush();
        long start = System.nanoTime();
        try {
            upload.push(graph, line -> {
                out.println(line);
                out.flush();
            });
        } catch (GraphStoreUpload.UploadException ex) {
            err.println(ex.getMessage());
            err.flush();
            return 1;
        } catch (RuntimeException ex) {
            err.println("Cannot reach the store at " + graphStore + ": " + Main.rootMessage(ex));
            err.flush();
            return 1;
        }
        out.printf("Loaded %d graphs into %s in %d ms%n", graph.graphCount(), graphStore, (System.nanoTime() - start) / 1_000_000);
        out.flush();
        return 0;
    }

}
