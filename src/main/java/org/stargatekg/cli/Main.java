package org.stargatekg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.stargatekg.backend.Backend;
import org.stargatekg.backend.InMemoryBackend;
import org.stargatekg.backend.RemoteBackend;
import org.stargatekg.backend.Tdb2Backend;
import org.stargatekg.server.StargateServer;
import org.stargatekg.load.KnowledgeGraph;
import org.stargatekg.load.KnowledgeGraphLoader;
import org.stargatekg.load.LoadException;
import org.stargatekg.backend.PersistentStore;
import org.stargatekg.backend.StoreInUseException;
import org.stargatekg.remote.ClosedConnections;
import org.stargatekg.remote.RemoteStore;
import org.stargatekg.vocab.Namespaces;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code stargate-kg} command: picks where the graph lives (in memory, {@code --store}, or {@code --sparql-endpoint}),
 * loads and validates it where it is loaded here, then serves it.
 */
@Command(name = "stargate-kg",
         mixinStandardHelpOptions = true,
         versionProvider = VersionProvider.class,
         subcommands = {LoadCommand.class, DraftCommand.class, AuthorCommand.class},
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
            description = "Where people reach this server (behind a proxy, its public address), ending in '/'; it places the endpoint "
                          + "and dumps in the self-description, while IRIs stay permanent (default: http://localhost:PORT/).")
    private String baseUrl;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Query timeout in seconds (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--verify-store",
            description = "With --store: before serving the store as it is, also read every quad back against the digest of its last load "
                          + "and check that its indexes agree (a full read; by default its files and counts are checked). A mismatch loads it again.")
    private boolean verifyStore;

    @Option(names = "--validate", description = "Load and validate only: print a summary or the report, exit 0 or 1, do not serve.")
    private boolean validateOnly;

    @Mixin
    private DataOptions data;

    @Mixin
    private StoreLogin login;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private StoreChoice store = new StoreChoice();

    /** Runs the command and exits with its code. */
    public static void main(String... args) {
        // Before any HTTP client runs: lets requests to an external store close their connections (Nagle's delay).
        ClosedConnections.allow();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** Picks the backend, loads and validates where that loads here, and either reports or serves; returns the exit code. */
    @Override
    public Integer call() {
        Namespaces namespaces = checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Backend backend;
        try {
            backend = store.external != null ? remote(namespaces) : loaded(namespaces, err);
        } catch (LoadException ex) {
            err.println(ex.getMessage());
            err.flush();
            return 1;
        } catch (RemoteUnreachable ex) {
            err.println(ex.getMessage());
            err.flush();
            return 1;
        } catch (StoreInUseException ex) {
            // Not a mistake in the options: another server has the folder. Say so, touch nothing, and end.
            err.println(ex.getMessage());
            err.flush();
            return 1;
        }
        if (validateOnly) {
            out.println("Valid: " + backend.describe());
            out.flush();
            return 0;
        }
        StargateServer server;
        try {
            server = StargateServer.create().host(host).port(port).publicBase(baseUrl)
                                   .queryTimeout(Duration.ofSeconds(timeoutSeconds)).backend(backend).build();
        } catch (RuntimeException ex) {
            err.println("Cannot serve " + backend.describe() + ": " + rootMessage(ex));
            err.flush();
            return 1;
        }
        return serve(server, err);
    }

    /** The graph loaded and validated here, held in memory or in the --store folder. */
    private Backend loaded(Namespaces namespaces, PrintWriter err) {
        PersistentStore tdb2 = store.storeDir == null ? null : openStore();
        KnowledgeGraphLoader loader = KnowledgeGraphLoader.shipped(namespaces);
        data.extraArticles().forEach(loader::article);
        if (tdb2 != null)
            loader.store(tdb2).verifyStore(verifyStore);
        KnowledgeGraph graph = loader.load();
        graph.notes().forEach(note -> err.println("SHACL note:\n" + note));
        return tdb2 != null ? new Tdb2Backend(graph, tdb2.dir()) : new InMemoryBackend(graph);
    }

    /** The external store named by --sparql-endpoint; the data there was validated by the load command. */
    private Backend remote(Namespaces namespaces) {
        StoreChoice.External ext = store.external;
        RemoteStore remote;
        try {
            remote = RemoteStore.at(ext.endpoint, ext.graphPrefix != null ? ext.graphPrefix : namespaces.graphs());
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--sparql-endpoint': " + ex.getMessage());
        }
        if (login.user() != null)
            remote.login(login.user(), login.password());
        remote.timeout(Duration.ofSeconds(timeoutSeconds));
        try {
            return new RemoteBackend(remote, namespaces);
        } catch (RuntimeException ex) {
            throw new RemoteUnreachable("Cannot read the store at " + ext.endpoint + ": " + rootMessage(ex));
        }
    }

    /** The external store did not answer at start. */
    private static final class RemoteUnreachable extends RuntimeException {
        RemoteUnreachable(String message) {
            super(message);
        }
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

    static String rootMessage(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null)
            cause = cause.getCause();
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** Opens the --store folder, or ends the run with a usage error (exit 2) saying why it cannot be used. */
    private PersistentStore openStore() {
        try {
            return PersistentStore.at(store.storeDir);
        } catch (StoreInUseException ex) {
            throw ex;
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
        List<Path> extra = data.extraArticles();
        if (timeoutSeconds <= 0)
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds, got " + timeoutSeconds);
        if (store.external != null && (validateOnly || !extra.isEmpty()))
            throw new ParameterException(spec.commandLine(),
                    "--sparql-endpoint serves what the store holds: load articles into it with the load command, not --data or --validate");
        if (verifyStore && store.storeDir == null)
            throw new ParameterException(spec.commandLine(), "--verify-store checks the --store folder: give one");
        if (store.external == null && login.user() != null)
            throw new ParameterException(spec.commandLine(), "--store-user logs in to an external store: it needs --sparql-endpoint");
        if (baseUrl != null) {
            try {
                Namespaces.check(baseUrl, "base URL");
            } catch (IllegalArgumentException ex) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--base-url': " + ex.getMessage());
            }
        }
        return data.namespaces();
    }
}
