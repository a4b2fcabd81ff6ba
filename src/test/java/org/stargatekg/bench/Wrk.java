package org.stargatekg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives a server with wrk and a Lua script that rotates through a fixed list of requests; in a fresh mix each request
 * is made textually new by a trailing comment naming the run, the wrk thread and a counter (SPARQL ignores it, a
 * response cache or query cache keyed on the text never sees it twice).
 */
final class Wrk {

    static final Path WRK = Path.of("/usr/bin/wrk");

    /** One HTTP request of a mix. */
    record Request(String method, String path, String accept) {}

    /**
     * What one wrk run measured: requests per second, latency percentiles in milliseconds, failed requests, and the CPU
     * the server's process used per request in milliseconds (NaN when not known). CPU per request is the per-query
     * cost, and varies far less than requests per second when other work shares the cores.
     */
    record Result(double rps, double p50, double p99, long requests, long errors, double cpuMs) {
        /** This result with the server's CPU time during the run. */
        Result withCpu(java.time.Duration cpu) {
            return new Result(rps, p50, p99, requests, errors, cpu == null || requests == 0 ? Double.NaN : cpu.toNanos() / 1e6 / requests);
        }
    }

    private Wrk() {}

    static boolean installed() {
        return Files.isExecutable(WRK);
    }

    /** The URL-encoded line break and "# " that start the comment added to each request of a fresh mix. */
    static final String FRESH_COMMENT = "%0A%23%20fresh-";

    /** Writes the Lua script for a request list; each wrk thread starts at a different offset of the list. */
    static Path script(Path dir, String name, List<Request> requests) throws IOException {
        return script(dir, name, requests, false);
    }

    /**
     * Writes the Lua script for a request list; each wrk thread starts at a different offset of the list. Fresh: each
     * path (a query string ending in a URL-encoded query) gets {@link #FRESH_COMMENT}, the run's nonce (wrk's first
     * script argument), the thread and a counter, so no two requests of any run are the same text.
     */
    static Path script(Path dir, String name, List<Request> requests, boolean fresh) throws IOException {
        StringBuilder lua = new StringBuilder("local specs = {\n");
        for (Request r : requests)
            lua.append("  {").append(lit(r.method())).append(", ").append(lit(r.path())).append(", ").append(lit(r.accept())).append("},\n");
        lua.append("""
                }
                local reqs = {}
                local i = 0
                local counter = 0
                local nonce = "0"
                function setup(thread)
                  counter = counter + 1
                  thread:set("offset", counter * 7)
                  thread:set("tid", counter)
                end
                function init(args)
                  for k, s in ipairs(specs) do
                    reqs[k] = wrk.format(s[1], s[2], { ["Accept"] = s[3] })
                  end
                  i = offset or 0
                  nonce = args[1] or "0"
                end
                """);
        if (fresh)
            lua.append("""
                function request()
                  i = i + 1
                  local s = specs[(i % #specs) + 1]
                  return wrk.format(s[1], s[2] .. "FRESH_COMMENT" .. nonce .. "-" .. tostring(tid) .. "-" .. tostring(i), { ["Accept"] = s[3] })
                end
                """.replace("FRESH_COMMENT", FRESH_COMMENT));
        else
            lua.append("""
                function request()
                  i = i + 1
                  return reqs[(i % #reqs) + 1]
                end
                """);
        lua.append("""
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
                    latency:percentile(50), latency:percentile(99),
                    e.status + e.connect + e.read + e.write + e.timeout))
                end
                """);
        Path file = dir.resolve(name + ".lua");
        Files.createDirectories(dir);
        Files.writeString(file, lua, StandardCharsets.UTF_8);
        return file;
    }

    private static String lit(String s) {
        return "[==[" + s + "]==]";
    }

    /** Runs wrk for some seconds with a number of connections and returns what it measured. */
    static Result run(Path script, int port, int connections, int seconds) throws IOException, InterruptedException {
        int threads = Math.min(connections, 2);
        // The nonce makes a fresh mix's comments differ from every earlier run's, warm-ups included.
        List<String> cmd = new ArrayList<>(List.of(WRK.toString(), "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                                                   "--timeout", "10s", "-s", script.toString(), "http://127.0.0.1:" + port + "/",
                                                   "--", Long.toString(System.nanoTime(), 36)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wrk did not finish");
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.trim().split(" ");
                long requests = Long.parseLong(f[1]);
                double micros = Double.parseDouble(f[2]);
                return new Result(requests / (micros / 1e6), Long.parseLong(f[3]) / 1000.0, Long.parseLong(f[4]) / 1000.0,
                                  requests, Long.parseLong(f[5]), Double.NaN);
            }
        }
        throw new IOException("wrk gave no result:\n" + out);
    }
}
