package org.consentplatform.acceptance;

import org.awaitility.Awaitility;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.bootstrap.ConsentApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default store (H2 files, inside the service's process) commits a request's writes once,
 * when the request ends, not after each write: a service process killed (SIGKILL) while batches
 * of captures are in flight keeps, after a restart on the same files, every capture it answered.
 */
class FileStoreCrashTest {

    private static final int CLIENTS = 4;
    private static final int BATCH = 40;
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 12;

    @TempDir
    Path directory;

    @Test
    void everyBatchTheServiceAnsweredSurvivesAKillOfTheServiceAndItsStore() throws Exception {
        int port = freePort();
        Path log = directory.resolve("doomed.log");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dsuite.log.file=" + System.getProperty("suite.log.file", "target/suite-logs/unnamed.log"),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ConsentApplication.class.getName()));
        command.addAll(arguments(port));
        Process doomed = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger answeredBatches = new AtomicInteger();
        AtomicInteger failedBatches = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            HttpApi api = new HttpApi(port);
            Awaitility.await("the service process is up").atMost(Duration.ofSeconds(90)).until(() -> isUp(api) || !doomed.isAlive());
            assertThat(doomed.isAlive()).as(() -> "the service process died: " + read(log)).isTrue();
            String admin = api.token("demo-admin");
            World.ok(api.post(World.BASE + "/profiles", admin, Map.of("id", "crash", "name", "Crash")));
            String writer = api.token("demo-marketing");
            AtomicInteger batches = new AtomicInteger();
            for (int client = 0; client < CLIENTS; client++) {
                clients.submit(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        List<String> addresses = addresses(batches.getAndIncrement());
                        try {
                            HttpApi.Response answer = api.post(World.BASE + "/consents/batch", writer, Map.of("items", addresses.stream()
                                    .map(address -> Map.of("profileId", "crash", "channel", "EMAIL", "address", address, "purposeId", "commercial",
                                            "state", "OPTED_IN", "capturedAt", "2026-11-01T00:00:00Z")).toList()));
                            if (answer.status() == 200) {
                                acknowledged.addAll(addresses);
                                if (answeredBatches.incrementAndGet() == ACKNOWLEDGED_BEFORE_THE_KILL) {
                                    // right after an answer: what that batch wrote is on disk now or lost
                                    doomed.destroyForcibly();
                                }
                            }
                        } catch (RuntimeException killed) {
                            failedBatches.incrementAndGet();
                            return;
                        }
                    }
                });
            }
            Awaitility.await("batches answered, then the kill").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                    .until(() -> !doomed.isAlive());
        } finally {
            doomed.destroyForcibly().waitFor(); // SIGKILL: the store inside the process dies with it, nothing flushed on the way out
            clients.shutdownNow();
        }
        assertThat(answeredBatches).as("killed by the client that got the last answer").hasValueGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_KILL);
        Awaitility.await("the clients saw the service go").atMost(Duration.ofSeconds(30)).until(() -> failedBatches.get() == CLIENTS);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_KILL * BATCH);

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ConsentApplication.class)
                .run(arguments(0).toArray(String[]::new))) {
            HttpApi api = new HttpApi(Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port")));
            var lines = new StringBuilder();
            for (String address : acknowledged) {
                lines.append(HttpApi.json(Map.of("profileId", "crash", "purposeId", "commercial", "channel", "EMAIL", "address", address)))
                        .append('\n');
            }
            HttpApi.Response decisions = api.call("POST", World.BASE + "/decisions/batch", api.token("demo-marketing"),
                    "application/x-ndjson", lines.toString(), Map.of("Accept", "application/x-ndjson"));
            assertThat(decisions.status()).as(decisions.body()).isEqualTo(200);
            List<String> notSendable = decisions.body().lines().map(HttpApi.JSON::readTree)
                    .filter(decision -> !decision.get("send").asBoolean()).map(JsonNode::toString).toList();
            assertThat(decisions.body().lines().count()).isEqualTo(acknowledged.size());
            assertThat(notSendable).as("opt-ins the service answered before it was killed, lost").isEmpty();
        }
    }

    private static List<String> addresses(int batch) {
        var addresses = new ArrayList<String>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            addresses.add("b" + batch + "-" + i + "@example.com");
        }
        return addresses;
    }

    private List<String> arguments(int port) {
        return List.of("--server.port=" + port,
                "--consent.embedded.mongo.storage=file", "--consent.embedded.mongo.file=" + directory.resolve("consent.mv"),
                "--consent.embedded.kafka.enabled=false", "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--spring.kafka.listener.auto-startup=false", "--spring.kafka.admin.auto-create=false", "--consent.outbox.poll-interval=PT1H",
                "--consent.embedded.mail.port=0",
                "--consent.dev-issuer.jwk-file=" + TestKeys.ISSUER_FILE, "--consent.receipts.jwk-file=" + TestKeys.RECEIPT_KEY_FILE,
                "--consent.keys.master-keyset-file=" + TestKeys.MASTER_KEYSET_FILE,
                "--consent.links.jwk-file=" + TestKeys.LINK_KEYS_FILE,
                "--logging.level.root=WARN", "--logging.level.org.apache.kafka=OFF");
    }

    private static boolean isUp(HttpApi api) {
        try {
            return api.get("/actuator/health", null).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
