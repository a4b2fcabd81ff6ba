package org.stargatekg.bench;

import java.util.Locale;
import java.util.Map;

/** Draws the throughput table as an SVG bar chart (requests/s on a log scale, one bar per system, mix and client count). */
final class Chart {

    private Chart() {}

    static String svg(Map<Benchmark.Cell, Wrk.Result> med) {
        int rowH = 22, left = 420, width = 1000, plotW = width - left - 90, top = 50;
        int height = top + med.size() * rowH + 40;
        double max = med.values().stream().mapToDouble(Wrk.Result::rps).max().orElse(1);
        double logMax = Math.ceil(Math.log10(Math.max(max, 10)));
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Requests per second (log scale), medians of the benchmark runs</text>\n");
        for (int e = 1; e <= logMax; e++) {
            double x = left + plotW * e / logMax;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, top - 8, x, height - 30));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>%n", x, height - 14, String.format(Locale.ROOT, "%,d", (long) Math.pow(10, e))));
        }
        int i = 0;
        for (var e : med.entrySet()) {
            Benchmark.Cell c = e.getKey();
            double rps = e.getValue().rps();
            double w = rps <= 1 ? 1 : plotW * Math.log10(rps) / logMax;
            int y = top + i * rowH;
            String color = c.system().equals(Benchmark.OURS_VIRTUOSO_BEFORE) ? (c.clients() == 1 ? "#e3d6f0" : "#b89ad8")
                    : c.system().startsWith(Benchmark.OURS_VIRTUOSO) ? (c.clients() == 1 ? "#c3a6e0" : "#7a3fb4")
                    : c.system().equals(Benchmark.OURS_UNCACHED) ? (c.clients() == 1 ? "#8fd6d0" : "#1f8f86")
                    : c.system().startsWith("Stargate") ? (c.clients() == 1 ? "#7fb3e0" : "#1f6fb4")
                    : c.system().startsWith("plain") ? (c.clients() == 1 ? "#f3b57a" : "#e07b1f")
                    : c.system().startsWith("Virtuoso") ? (c.clients() == 1 ? "#a9d39e" : "#3f9a2e")
                    : (c.clients() == 1 ? "#c9c9c9" : "#8a8a8a");
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s — %s, %d client%s</text>%n", left - 6, y + 15,
                                   esc(c.system()), esc(c.mix()), c.clients(), c.clients() == 1 ? "" : "s"));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n", left, y + 3, w, rowH - 6, color));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%,.0f</text>%n", left + w + 4, y + 15, rps));
            i++;
        }
        return s.append("</svg>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
