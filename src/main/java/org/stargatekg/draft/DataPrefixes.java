package org.stargatekg.draft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.irix.IRIx;

/**
 * The prefixes the data is written with, read from the data's own Turtle files: {@code sg:} (our ontology), {@code id:}
 * (entities) and {@code ev:} (evidence passages) exactly as declared there, relative or absolute, so that a draft is
 * written in the same namespaces as the articles beside it and never in the address of a server.
 */
public final class DataPrefixes {

    /** The prefixes a draft needs from the data, besides the standard vocabularies. */
    static final List<String> REQUIRED = List.of("sg", "id", "ev");

    private static final Pattern PREFIX = Pattern.compile("(?mi)^\\s*@?prefix\\s+([A-Za-z][\\w.-]*)?:\\s*<([^>]*)>");

    private final Map<String, String> declared;

    private DataPrefixes(Map<String, String> declared) {
        this.declared = declared;
    }

    /** The prefixes of the first Turtle file under the data folders that declares sg:, id: and ev:. */
    public static DataPrefixes of(List<Path> dataFolders) {
        for (Path folder : dataFolders) {
            try (Stream<Path> files = Files.walk(folder, 2)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList()) {
                    Map<String, String> found = read(Files.readString(file, StandardCharsets.UTF_8));
                    if (found.keySet().containsAll(REQUIRED))
                        return new DataPrefixes(found);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        throw new IllegalArgumentException("No Turtle file in " + dataFolders + " declares the prefixes " + REQUIRED);
    }

    /** The prefixes declared in a Turtle text, in order. */
    static Map<String, String> read(String turtle) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PREFIX.matcher(turtle);
        while (m.find())
            out.putIfAbsent(m.group(1) == null ? "" : m.group(1), m.group(2));
        return out;
    }

    /** The IRI a prefix stands for, as declared (possibly relative). */
    public String declared(String prefix) {
        return declared.get(prefix);
    }

    /** The namespace a prefix stands for once resolved against the base the data was loaded with. */
    public String resolved(String prefix, String base) {
        return IRIx.create(base).resolve(declared.get(prefix)).str();
    }

    /** All declared prefixes, in order. */
    public Map<String, String> all() {
        return declared;
    }
}
