package org.stargatekg.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * An expected answer kept as a .expected.tsv file: a tab-separated header of variable names, then one row per line.
 * Lines starting with '#' are comments; the comment {@code # ordered} asks for the rows in that order, otherwise
 * rows compare as a multiset. Blank lines are ignored.
 */
public record ExpectedTable(String source, List<String> header, List<List<String>> rows, boolean ordered) {

    /** Parses the text of an expected file; the source names it in error messages. */
    public static ExpectedTable parse(String text, String source) {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        boolean ordered = false;
        int lineNo = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNo++;
            if (line.startsWith("#")) {
                ordered |= line.substring(1).trim().equals("ordered");
                continue;
            }
            if (line.isEmpty())
                continue;
            List<String> cells = List.of(line.split("\t", -1));
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.size() != header.size())
                throw new AssertionError(source + " line " + lineNo + " has " + cells.size() + " cells, the header has "
                                         + header.size() + ": " + line);
            rows.add(cells);
        }
        if (header == null)
            throw new AssertionError(source + " has no header line");
        return new ExpectedTable(source, header, rows, ordered);
    }

    /** How a result value is written in an expected file: IRIs under the base without it, other IRIs whole, literals by lexical form, unbound empty. */
    public static String render(Node node, String base) {
        if (node == null)
            return "";
        if (node.isURI())
            return node.getURI().startsWith(base) ? node.getURI().substring(base.length()) : node.getURI();
        if (node.isLiteral())
            return node.getLiteralLexicalForm();
        return "_:" + node.getBlankNodeLabel();
    }

    /** Returns null when the results match this table, otherwise a report of missing and unexpected rows. */
    public String differences(RunningServer.Results results, String base) {
        if (!new HashSet<>(header).equals(new HashSet<>(results.vars())) || header.size() != results.vars().size())
            return source + ": header " + header + " but the query selects " + results.vars();
        List<List<String>> actual = new ArrayList<>();
        for (Map<String, Node> row : results.rows())
            actual.add(header.stream().map(v -> render(row.get(v), base)).toList());

        List<List<String>> missing = minus(rows, actual);
        List<List<String>> unexpected = minus(actual, rows);
        if (missing.isEmpty() && unexpected.isEmpty()) {
            if (!ordered || rows.equals(actual))
                return null;
            return source + ": same rows, wrong order.\n  expected:\n" + table(rows) + "  actual:\n" + table(actual);
        }
        StringBuilder sb = new StringBuilder(source).append(": results differ (").append(header).append(")\n");
        if (!missing.isEmpty())
            sb.append("  missing rows (expected, not returned):\n").append(table(missing));
        if (!unexpected.isEmpty())
            sb.append("  unexpected rows (returned, not expected):\n").append(table(unexpected));
        sb.append("  all returned rows:\n").append(table(actual));
        return sb.toString();
    }

    /** The rows of a that are left after taking out one copy of each row of b. */
    private static List<List<String>> minus(List<List<String>> a, List<List<String>> b) {
        Map<List<String>, Integer> counts = new HashMap<>();
        b.forEach(row -> counts.merge(row, 1, Integer::sum));
        List<List<String>> left = new ArrayList<>();
        for (List<String> row : a) {
            Integer n = counts.get(row);
            if (n == null || n == 0)
                left.add(row);
            else
                counts.put(row, n - 1);
        }
        return left;
    }

    private static String table(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        rows.forEach(r -> sb.append("    ").append(String.join("\t", r)).append('\n'));
        return rows.isEmpty() ? "    (none)\n" : sb.toString();
    }
}
