package org.stargatekg.ops;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A small hand-written metric set in the Prometheus text exposition format (version 0.0.4): request counts by endpoint
 * and status, a latency histogram by endpoint, and gauges for fixed facts such as the dataset size.
 */
public final class Metrics {

    /** The media type of the exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();

    private record Gauge(String help, LongSupplier value) {}

    /**
     * One endpoint's latencies: a count per bucket (summed into Prometheus's cumulative buckets when scraped), count and
     * sum in nanoseconds. Each is a {@link LongAdder}, so requests on different cores do not fight over one counter,
     * and a request adds to one bucket, not to every bucket above its latency.
     */
    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final LongAdder sumNanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++)
                buckets[i] = new LongAdder();
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }

        /** The number of observations at or below bucket i's bound. */
        long cumulative(int i) {
            long n = 0;
            for (int j = 0; j <= i; j++)
                n += buckets[j].sum();
            return n;
        }
    }

    /** Records one answered request. */
    public void record(String endpoint, int status, long nanos) {
        String key = endpoint + "\u0000" + status;
        LongAdder n = requests.get(key);
        (n != null ? n : requests.computeIfAbsent(key, k -> new LongAdder())).increment();
        Histogram h = latency.get(endpoint);
        (h != null ? h : latency.computeIfAbsent(endpoint, k -> new Histogram())).observe(nanos);
    }

    /** Adds a gauge read each time the metrics are scraped; the name gets the "stargate_" prefix. */
    public Metrics gauge(String name, String help, LongSupplier value) {
        gauges.put("stargate_" + name, new Gauge(help, value));
        return this;
    }

    /** All metrics in the Prometheus text format. */
    public String scrape() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP stargate_http_requests_total HTTP requests answered, by endpoint and status code.\n");
        sb.append("# TYPE stargate_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((key, n) -> {
            String[] parts = key.split("\u0000");
            sb.append("stargate_http_requests_total{endpoint=\"").append(parts[0]).append("\",status=\"").append(parts[1])
              .append("\"} ").append(n.sum()).append('\n');
        });
        sb.append("# HELP stargate_http_request_duration_seconds Time to answer an HTTP request, by endpoint.\n");
        sb.append("# TYPE stargate_http_request_duration_seconds histogram\n");
        new TreeMap<>(latency).forEach((endpoint, h) -> {
            String label = "endpoint=\"" + endpoint + "\"";
            for (int i = 0; i < BUCKETS.length; i++)
                sb.append("stargate_http_request_duration_seconds_bucket{").append(label).append(",le=\"")
                  .append(format(BUCKETS[i])).append("\"} ").append(h.cumulative(i)).append('\n');
            sb.append("stargate_http_request_duration_seconds_bucket{").append(label).append(",le=\"+Inf\"} ")
              .append(h.count.sum()).append('\n');
            sb.append("stargate_http_request_duration_seconds_sum{").append(label).append("} ")
              .append(format(h.sumNanos.sum() / 1e9)).append('\n');
            sb.append("stargate_http_request_duration_seconds_count{").append(label).append("} ").append(h.count.sum()).append('\n');
        });
        new TreeMap<>(gauges).forEach((name, g) -> {
            sb.append("# HELP ").append(name).append(' ').append(g.help()).append('\n');
            sb.append("# TYPE ").append(name).append(" gauge\n");
            sb.append(name).append(' ').append(g.value().getAsLong()).append('\n');
        });
        return sb.toString();
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }
}
