package org.stargatekg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.load.LoadException;
import org.stargatekg.load.PersistentStore;
import org.stargatekg.remote.RemoteStore;
import org.stargatekg.server.StargateServer;
import org.stargatekg.vocab.Namespaces;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code stargate-kg} command: loads and validates the shipped graph plus any extra article folders, then serves it. */
@Command(name = "stargate-kg",
         mixinStandardHelpOptions = true,
         versionProvider = VersionProvider.class,
         subcommands = {LoadCommand.class, DraftCommand.class},
         description = {"Loads the Stargate knowledge graph, validates it, and serves it read-only over SPARQL at /sparql.",
                        "With --sparql-endpoint, serves the same pages and endpoint from an external SPARQL store instead."})
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3030", description = "HTTP port to listen on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}, loopback only).")
    private String host;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public base IRI every relative IRI in the data resolves against; must end with '/' (default: http://localhost:PORT/).")
    private String baseUrl;

    @Option(names = "--data", paramLabel = "DIR",
            description = "An extra article folder (article.txt and *.ttl) loaded after the shipped ones; repeatable.")
    private List<Path> extraArticles = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Query timeout in seconds (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Keep the graph in a TDB2 store in this folder (created if absent): the first start loads and validates the "
                          + "files into it, later starts with unchanged sources serve it without reading them again. Default: in memory.")
    private Path storeDir;

    @Option(names = "--validate", description = "Load and validate only: print a summary or the report, exit 0 or 1, do not serve.")
    private boolean validateOnly;

    @Option(names = "--sparql-endpoint", paramLabel = "URL",
            description = "Serve from this external SPARQL 1.1 query endpoint (filled by the load command) instead of loading the data here.")
    private String sparqlEndpoint;

    @Option(names = "--sparql-graph", paramLabel = "IRI",
            description = "With --sparql-endpoint: read only the named graphs whose IRI starts with this one (default: BASE graph/).")
    private String sparqlGraph;

    @Option(names = "--store-user", paramLabel = "NAME",
            description = "With --sparql-endpoint: the user to log in to the store as; the password is read from the environment variable "
                          + LoadCommand.PASSWORD_VARIABLE + ".")
    private String storeUser;

    /** Where the store password comes from: the process environment, replaceable in tests. */
    Function<String, String> environment = System::getenv;

    /** Runs the command and exits with its code. */
    public static void main(String... args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** Loads, validates and either reports or serves; returns the exit code. */
    @Override
    public Integer call() {
        Namespaces namespaces = checkOptions();
        PersistentStore store = storeDir == null ? null : openStore();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sparqlEndpoint != null)
            return serveRemote(namespaces, err);
        KnowledgeGraph graph;
        try {
            KnowledgeGraphLoader loader = KnowledgeGraphLoader.shipped(namespaces);
            extraArticles.forEach(loader::article);
            if (store != null)
                loader.store(store);
            graph = loader.load();
        } catch (LoadException ex) {
            err.println(ex.getMessage());
            err.flush();
            return 1;
        }
        graph.notes().forEach(note -> err.println("SHACL note:\n" + note));
        if (validateOnly) {
            out.println("Valid: " + graph.summary());
            out.flush();
            return 0;
        }
        StargateServer server = StargateServer.create()
                                              .host(host)
                                              .port(port)
                                              .queryTimeout(Duration.ofSeconds(timeoutSeconds))
                                              .graph(graph)
                                              .build();
        return serve(server, err);
    }

    /** Starts the server, stops it gracefully on SIGTERM, and waits; 1 when it cannot listen. */
    private int serve(StargateServer server, PrintWriter err) {
        try {
            server.start();
        } catch (RuntimeException ex) {
            // Typically the port is taken or the host is not an address of this machine.
            err.println("Cannot listen on " + host + ":" + port + ": " + rootMessage(ex));
            err.flush();
            return 1;
        }
        server.stopOnShutdown();
        server.join();
        return 0;
    }

    /** Serves the pages and /sparql from the external store; the data there was validated by the load command. */
    private int serveRemote(Namespaces namespaces, PrintWriter err) {
        RemoteStore store;
        try {
            store = RemoteStore.at(sparqlEndpoint, sparqlGraph != null ? sparqlGraph : namespaces.base() + "graph/");
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--sparql-endpoint': " + ex.getMessage());
        }
        if (storeUser != null)
            store.login(storeUser, LoadCommand.password(environment, spec));
        StargateServer server;
        try {
            server = StargateServer.create().host(host).port(port).queryTimeout(Duration.ofSeconds(timeoutSeconds))
                                   .remote(store, namespaces).build();
        } catch (RuntimeException ex) {
            err.println("Cannot read the store at " + sparqlEndpoint + ": " + rootMessage(ex));
            err.flush();
            return 1;
        }
        return serve(server, err);
    }

    static String rootMessage(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null)
            cause = cause.getCause();
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** Opens the --store folder, or ends the run with a usage error (exit 2) saying why it cannot be used. */
    private PersistentStore openStore() {
        try {
            return PersistentStore.at(storeDir);
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), "--store cannot be used: " + ex.getMessage());
        }
    }

    /** Checks the values picocli cannot check alone; a bad value ends the run with picocli's usage error (exit 2). */
    private Namespaces checkOptions() {
        if (port < 0 || port > 65535)
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        if (host.isBlank())
            throw new ParameterException(spec.commandLine(), "--host must name an interface such as 127.0.0.1 or 0.0.0.0, got a blank value");
        for (Path dir : extraArticles) {
            if (!java.nio.file.Files.exists(dir))
                throw new ParameterException(spec.commandLine(), "--data folder does not exist: " + dir.toAbsolutePath());
            if (!java.nio.file.Files.isDirectory(dir))
                throw new ParameterException(spec.commandLine(), "--data is not a folder: " + dir.toAbsolutePath());
        }
        if (timeoutSeconds <= 0)
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds, got " + timeoutSeconds);
        if (sparqlEndpoint != null && (validateOnly || !extraArticles.isEmpty()))
            throw new ParameterException(spec.commandLine(),
                    "--sparql-endpoint serves what the store holds: load articles into it with the load command, not --data or --validate");
        if (sparqlEndpoint != null && storeDir != null)
            throw new ParameterException(spec.commandLine(), "--sparql-endpoint and --store are two different stores: choose one");
        if (sparqlEndpoint == null && (sparqlGraph != null || storeUser != null))
            throw new ParameterException(spec.commandLine(), "--sparql-graph and --store-user need --sparql-endpoint");
        String base = baseUrl != null ? baseUrl : "http://localhost:" + port + "/";
        try {
            return new Namespaces(base);
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--base-url': " + ex.getMessage());
        }
    }
}
