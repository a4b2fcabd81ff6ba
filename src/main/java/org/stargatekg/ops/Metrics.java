package org.stargatekg.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.jetty12.server.DefaultJettyCoreRequestTagsProvider;
import io.micrometer.jetty12.server.JettyCoreRequestTagsProvider;
import io.micrometer.jetty12.server.TimedHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The server's metrics in one Micrometer registry, scraped in the Prometheus text format: our request counts by
 * endpoint and status, a latency histogram by endpoint and gauges for the dataset, beside Micrometer's JVM (memory,
 * threads, GC, class loading), process (CPU, uptime, file descriptors) and Jetty (thread pool, connections, requests)
 * binders.
 */
public final class Metrics {

    /** The media type of the Prometheus text exposition format this answers in. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    private static final JettyCoreRequestTagsProvider JETTY_TAGS = new DefaultJettyCoreRequestTagsProvider();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> binders = new ArrayList<>();
    // Meters looked up once per endpoint (and status) rather than built on every request.
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();

    /** Metrics with the JVM and process binders bound; {@link #bindTo(Server)} adds Jetty's. */
    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        // The GC binder listens to the JVM's GC notifications until closed, so it is closed when the server stops.
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
    }

    /**
     * Adds Jetty's thread-pool and connection metrics and times every request Jetty handles (micrometer-jetty12's
     * {@code jetty_server_requests}), wrapping the server's current handler; closes the binders when Jetty stops.
     */
    public Metrics bindTo(Server jetty) {
        JettyServerThreadPoolMetrics pool = new JettyServerThreadPoolMetrics(jetty.getThreadPool(), Tags.empty());
        pool.bindTo(registry);
        binders.add(pool);
        JettyConnectionMetrics.addToAllConnectors(jetty, registry);
        TimedHandler timed = new TimedHandler(registry, Tags.empty(), Metrics::requestTags);
        timed.setHandler(jetty.getHandler());
        jetty.setHandler(timed);
        jetty.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle event) {
                close();
            }
        });
        return this;
    }

    /**
     * Micrometer's tags for a Jetty request (method, status, outcome) with any method outside HTTP's own named OTHER:
     * a client may send any token as method, and each would otherwise open a new time series.
     */
    static Iterable<Tag> requestTags(Request request) {
        String method = request == null ? "UNKNOWN" : request.getMethod();
        return Tags.of(JETTY_TAGS.getTags(request)).and("method", HTTP_METHODS.contains(method) ? method : "OTHER");
    }

    /** Records one answered request. */
    public void record(String endpoint, int status, long nanos) {
        // A plain get first: computeIfAbsent locks the key's bin when the key is not its first entry, and every
        // request of an endpoint asks for the same key.
        String key = endpoint + " " + status;
        Counter n = requests.get(key);
        if (n == null)
            n = requests.computeIfAbsent(key, k -> Counter.builder("stargate.http.requests")
                    .description("HTTP requests answered, by endpoint and status code.")
                    .tags("endpoint", endpoint, "status", Integer.toString(status)).register(registry));
        n.increment();
        Timer t = latency.get(endpoint);
        if (t == null)
            t = latency.computeIfAbsent(endpoint, k -> Timer.builder("stargate.http.request.duration")
                    .description("Time to answer an HTTP request, by endpoint.")
                    .tags("endpoint", endpoint).serviceLevelObjectives(buckets()).register(registry));
        t.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Adds a gauge read each time the metrics are scraped; the name gets the "stargate_" prefix. */
    public Metrics gauge(String name, String help, LongSupplier value) {
        Gauge.builder("stargate." + name.replace('_', '.'), value, v -> (double) v.getAsLong()).description(help)
             .strongReference(true).register(registry);
        return this;
    }

    /** All metrics in the Prometheus text format. */
    public String scrape() {
        return registry.scrape(CONTENT_TYPE);
    }

    /** Stops the binders that listen to the JVM or Jetty. */
    void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception ignored) {
                // A binder that fails to detach leaves nothing behind that matters once the server is down.
            }
        }
        binders.clear();
    }

    private static Duration[] buckets() {
        Duration[] out = new Duration[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++)
            out[i] = Duration.ofNanos(Math.round(BUCKETS[i] * 1e9));
        return out;
    }
}
