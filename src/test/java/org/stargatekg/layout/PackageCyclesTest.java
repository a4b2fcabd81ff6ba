package org.stargatekg.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages of src/main/java depend on each other without a cycle, read from the code itself: every
 * {@code org.stargatekg.*} name a file uses (imports and names written in full), comments aside.
 */
class PackageCyclesTest {

    private static final Path ROOT = Path.of("src/main/java");
    private static final Pattern NAME = Pattern.compile("\\borg\\.stargatekg\\.([a-z][a-z0-9.]*?)\\.[A-Z]");

    /** Each package's files, keyed by package name. */
    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = ROOT.relativize(file.getParent()).toString().replace('/', '.').replaceFirst("^org\\.stargatekg\\.?", "");
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Set<String> to = deps.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = NAME.matcher(code);
                while (m.find())
                    if (!m.group(1).equals(from))
                        to.add(m.group(1));
            }
        }
        return deps;
    }

    @Test
    void no_package_depends_on_itself_through_others() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.size() > 10, "found only " + deps.keySet() + " under " + ROOT.toAbsolutePath());
        List<List<String>> cycles = new ArrayList<>();
        for (String start : deps.keySet())
            cycleFrom(start, start, deps, new ArrayList<>(List.of(start)), new TreeSet<>(), cycles);
        assertEquals(List.of(), cycles, "package cycles (each as a path back to its start)");
    }

    private static void cycleFrom(String start, String at, Map<String, Set<String>> deps, List<String> path, Set<String> seen,
                                  List<List<String>> cycles) {
        for (String next : deps.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                // Report each cycle once: from its smallest package name.
                if (path.stream().allMatch(p -> p.compareTo(start) >= 0)) {
                    List<String> cycle = new ArrayList<>(path);
                    cycle.add(start);
                    cycles.add(cycle);
                }
            } else if (seen.add(next)) {
                path.add(next);
                cycleFrom(start, next, deps, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
