package org.stargatekg.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;

/** Parses one Turtle file against the public base IRI and turns every parser complaint, warnings included, into a {@link LoadException}. */
final class TurtleReader {

    private TurtleReader() {}

    /** Parses a Turtle file with relative IRIs resolved against the base; fails naming file, line and column. */
    static Graph read(Path file, String base) {
        String name = SourceFiles.describe(file);
        Problems problems = new Problems();
        Graph graph = GraphFactory.createDefaultGraph();
        try (InputStream in = Files.newInputStream(file)) {
            RDFParser.source(in)
                     .base(base)
                     .lang(Lang.TURTLE)
                     .errorHandler(problems)
                     .parse(graph);
        } catch (IOException ex) {
            throw new LoadException("Cannot read " + name + ": " + ex.getMessage(), ex);
        } catch (RiotException ex) {
            if (problems.list.isEmpty())
                throw new LoadException(name + ": " + ex.getMessage(), ex);
        }
        if (!problems.list.isEmpty())
            throw new LoadException("Turtle syntax problem in " + name + ":\n  " + String.join("\n  ", problems.list));
        return graph;
    }

    /** Records each complaint as "line L, column C: message"; errors stop the parser, warnings are kept and fail the file afterwards. */
    private static final class Problems implements ErrorHandler {
        final List<String> list = new ArrayList<>();

        @Override
        public void warning(String message, long line, long col) {
            list.add(where(line, col) + "warning: " + message);
        }

        @Override
        public void error(String message, long line, long col) {
            list.add(where(line, col) + message);
            throw new RiotException(message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            list.add(where(line, col) + message);
            throw new RiotException(message);
        }

        private static String where(long line, long col) {
            return line < 0 ? "" : "line " + line + ", column " + col + ": ";
        }
    }
}
