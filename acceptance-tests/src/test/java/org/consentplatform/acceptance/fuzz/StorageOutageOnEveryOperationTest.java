package org.consentplatform.acceptance.fuzz;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.awaitility.Awaitility;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.acceptance.support.Tokens;
import org.consentplatform.bootstrap.ConsentApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MongoDB unreachable while the service runs: every operation of the OpenAPI document, sent as a
 * careful client would, and every page is answered 503 with Retry-After well within the storage
 * timeout and a bit, never a 500 nor a success it could not have had; once the store is back,
 * it holds exactly what it held before, so nothing was half written. The store stays up behind a
 * proxy that is cut, as a network partition cuts it, so its content can be compared.
 */
class StorageOutageOnEveryOperationTest {

    private static final String TENANT = "outage";
    /** The 2 s server selection timeout and room for a busy machine; callers queued one behind another would take N times 2 s. */
    private static final Duration WITHIN = Duration.ofSeconds(8);

    private MongoServer mongo;
    private MongoClient behindTheProxy;
    private CuttableProxy proxy;
    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (behindTheProxy != null) {
            behindTheProxy.close();
        }
        mongo.shutdownNow();
    }

    @Test
    void everyOperationAndPageIsA503DuringAnOutageAndNothingIsHalfWritten() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress store = mongo.bind();
        proxy = new CuttableProxy(store.getPort());
        service = new SpringApplicationBuilder(ConsentApplication.class).run("--server.port=0",
                "--consent.embedded.mongo.enabled=false", "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=",
                "--consent.embedded.mail.port=0", "--spring.mongodb.uri=mongodb://127.0.0.1:" + proxy.port() + "/consent",
                "--consent.dev-issuer.jwk-file=" + TestKeys.ISSUER_FILE, "--consent.receipts.jwk-file=" + TestKeys.RECEIPT_KEY_FILE,
                "--consent.keys.master-keyset-file=" + TestKeys.MASTER_KEYSET_FILE,
                "--consent.links.jwk-file=" + TestKeys.LINK_KEYS_FILE,
                // settings and profiles cached a moment ago would be served from memory: what must go to the store, goes
                "--consent.configuration-cache-ttl=PT0.001S");
        var api = new HttpApi(((WebServerApplicationContext) service).getWebServer().getPort());
        String token = Tokens.sign(Tokens.valid(List.of(TENANT), Tokens.ALL_SCOPES).subject("outage").build(), TestKeys.ISSUER);
        String jobId = SeededTenant.seed(api, token, TENANT);
        JsonNode links = SeededTenant.ok(api.post("/api/v1/tenants/" + TENANT + "/recipient-links", token,
                Map.of("profileId", "fuzz", "channel", "EMAIL", "address", "ann@example.com", "contactId", "c-fuzz")));
        JsonNode document = api.get("/v3/api-docs", null).json();
        List<BadRequests.BadRequest> requests = new BadRequests(document, TENANT,
                Map.of("profileId", "fuzz", "contactId", "c-fuzz", "jobId", jobId, "noticeId", "fuzz-wording"), SeededTenant.known()).plausible();
        behindTheProxy = MongoClients.create("mongodb://127.0.0.1:" + store.getPort());
        var fingerprint = new StorageFingerprint(behindTheProxy.getDatabase("consent"));
        Awaitility.await("background work settled").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> fingerprint.take().equals(fingerprint.take()));
        String before = fingerprint.take();

        proxy.cut();
        var failures = new ArrayList<String>();
        try (var calls = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new ArrayList<Future<String>>();
            for (BadRequests.BadRequest request : requests) {
                answers.add(calls.submit(() -> timed(request.operation(), () -> api.callWithBytes(request.method(), request.path(),
                        token, request.contentType(), request.body(), request.headers()))));
            }
            for (String page : List.of(path(links, "preferenceCenterUrl"), path(links, "subscriptionCenterUrl"),
                    path(links, "unsubscribeUrl"))) {
                answers.add(calls.submit(() -> timed("GET " + page.replaceAll("/[^/?]{20,}", "/…"), () -> api.get(page, null))));
            }
            answers.add(calls.submit(() -> timed("POST one-click unsubscribe", () -> api.call("POST", path(links, "unsubscribeUrl"),
                    null, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", Map.of()))));
            for (Future<String> answer : answers) {
                String problem = answer.get();
                if (problem != null) {
                    failures.add(problem);
                }
            }
        }
        proxy.restore();

        assertThat(failures).as(String.join("\n", failures)).isEmpty();
        Awaitility.await("the service answers again").atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/tenants/" + TENANT + "/profiles", token).status() == 200);
        assertThat(fingerprint.take()).as("storage after the outage").isEqualTo(before);
    }

    /** What is wrong with an answer given during the outage, or null. */
    private static String timed(String what, java.util.concurrent.Callable<HttpApi.Response> call) throws Exception {
        long started = System.nanoTime();
        HttpApi.Response response = call.call();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (took.compareTo(WITHIN) > 0) {
            return what + ": answered after " + took.toMillis() + " ms";
        }
        if (response.status() != 503) {
            return what + ": answered " + response.status() + " " + response.body();
        }
        if (!"5".equals(response.header("Retry-After"))) {
            return what + ": a 503 without Retry-After";
        }
        return null;
    }

    private static String path(JsonNode links, String field) {
        String url = links.get(field).asString();
        return url.substring(url.indexOf('/', url.indexOf("//") + 2));
    }

    /** A TCP proxy in front of the store: cut, it drops every connection and every new one at once. */
    private static final class CuttableProxy implements AutoCloseable {

        private final ServerSocket listener = new ServerSocket(0);
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile boolean cut;

        CuttableProxy(int target) throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        if (cut) {
                            client.close();
                            continue;
                        }
                        Socket server = new Socket("127.0.0.1", target);
                        open.add(client);
                        open.add(server);
                        pump(client, server);
                        pump(server, client);
                    } catch (IOException e) {
                        // the listener closed, or one connection failed: the next accept tells
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        void cut() {
            cut = true;
            open.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all we want
                }
            });
            open.clear();
        }

        void restore() {
            cut = false;
        }

        private void pump(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // a cut connection ends here
                } finally {
                    open.remove(from);
                    try {
                        to.close();
                    } catch (IOException ignored) {
                        // already closed by the other direction
                    }
                }
            });
        }

        @Override
        public void close() throws IOException {
            listener.close();
            cut();
        }
    }
}
