package org.stargatekg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.stargatekg.author.AuthorServer;
import org.stargatekg.load.LoadException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code author} subcommand: reviews one article folder in the browser, on 127.0.0.1 only, behind a token printed at start. */
@Command(name = "author",
         mixinStandardHelpOptions = true,
         versionProvider = VersionProvider.class,
         description = {"Opens a local authoring server for one article folder (a draft or a reviewed one) beside the shipped data:",
                        "accept, reject and correct its proposals and add facts over its words; each change is checked as --validate",
                        "checks and written at once. Listens on 127.0.0.1 only; open the printed address, which holds a new token."})
final class AuthorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The article folder to review (article.txt and its *.ttl files).")
    private Path dir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Mixin
    private DataOptions data;

    /** Starts the server, prints its address, and serves until stopped. */
    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isDirectory(dir) || !Files.isRegularFile(dir.resolve("article.txt")))
            throw new ParameterException(spec.commandLine(), "DIR must be an article folder holding article.txt: " + dir.toAbsolutePath());
        if (port < 0 || port > 65535)
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuthorServer server;
        try {
            server = AuthorServer.start(dir, data.extraArticles(), data.namespaces(), port);
        } catch (LoadException | IllegalArgumentException | java.io.UncheckedIOException ex) {
            err.println("Cannot author " + dir + ": " + Main.rootMessage(ex));
            err.flush();
            return 1;
        }
        out.println("Authoring " + dir.toAbsolutePath() + " on port " + server.port() + "; open:");
        out.println("    " + server.url());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
