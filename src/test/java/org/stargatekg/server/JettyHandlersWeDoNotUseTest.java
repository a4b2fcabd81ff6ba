package org.stargatekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * Why two of Jetty 12's own handlers stand aside for ours (ops.Cors, guard.QueryAdmission): each test pins the
 * behaviour that rules the handler out, on a bare Jetty server, so that a Jetty upgrade that changes it fails here and
 * the choice is made again. The reasons for MinimumDataRateHandler and EagerContentHandler are in WriteDeadline and
 * BodyLoader.
 */
class JettyHandlersWeDoNotUseTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void crossOriginHandler_echoes_each_origin_and_varies_on_it_where_open_data_answers_star() throws Exception {
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowCredentials(false);
        cors.setAllowedOriginPatterns(Set.of("*"));
        cors.setHandler(ok());
        try (Running jetty = new Running(cors)) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(jetty.uri("/")).header("Origin", "https://a.example").build(),
                                                 HttpResponse.BodyHandlers.ofString());
            // The Fetch standard's "*" lets every shared cache keep one copy of a public answer; an echoed origin with
            // Vary: Origin makes each calling site a copy of its own (OperationsTest checks that we answer "*").
            assertEquals("https://a.example", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")), r.headers().toString());
        }
    }

    @Test
    void qosHandler_turns_requests_away_with_a_bare_503_before_any_filter_could_answer_from_the_cache() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        QoSHandler qos = new QoSHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                inside.countDown();
                release.await(20, TimeUnit.SECONDS);
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        });
        qos.setMaxRequestCount(1);
        qos.setMaxSuspendedRequestCount(0);
        try (Running jetty = new Running(qos)) {
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(HttpRequest.newBuilder(jetty.uri("/q")).build(),
                                                                            HttpResponse.BodyHandlers.ofString());
            assertTrue(inside.await(20, TimeUnit.SECONDS), "the first request never arrived");
            HttpResponse<String> second = client.send(HttpRequest.newBuilder(jetty.uri("/q")).build(), HttpResponse.BodyHandlers.ofString());
            release.countDown();
            // QueryAdmission sends Retry-After and a sentence, and it sits behind the response cache, so a cached
            // answer never waits for a place (OverloadTest); QoSHandler wraps the whole servlet context.
            assertEquals(503, second.statusCode());
            assertFalse(second.headers().firstValue("Retry-After").isPresent(), second.headers().toString());
            assertEquals(200, first.get(20, TimeUnit.SECONDS).statusCode());
        } finally {
            release.countDown();
        }
    }

    private static Handler ok() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        };
    }

    /** A Jetty server on a port of its own choosing, stopped on close. */
    private static final class Running implements AutoCloseable {
        private final Server server = new Server();
        private final ServerConnector connector = new ServerConnector(server);

        Running(Handler handler) throws Exception {
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(handler);
            server.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }
}
