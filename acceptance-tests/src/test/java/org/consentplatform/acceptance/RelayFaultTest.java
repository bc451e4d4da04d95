package org.consentplatform.acceptance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.consentplatform.acceptance.support.EventStream;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.acceptance.support.Tokens;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.application.port.in.RelayChanges;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox relay under faults, with the service run as production runs it: instances that
 * share one MongoDB-wire store and one real Kafka broker, both outside the instances. Each
 * test has its own database; events are told apart by their ids.
 */
class RelayFaultTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "consent.changes.v1";
    private static final String TOKEN = Tokens.sign(Tokens.valid(List.of("acme"), Tokens.ALL_SCOPES).build(), TestKeys.ISSUER);

    private static MongoServer mongo;
    private static String mongoUri;
    private static InProcessKafkaBroker kafka;
    private static MongoClient client;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private String database;

    @BeforeAll
    static void infrastructure() throws IOException {
        mongo = new MongoServer(new MemoryBackend());
        var address = mongo.bind();
        mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        client = MongoClients.create(mongoUri);
        Path kafkaDir = Files.createTempDirectory("relay-fault-kafka");
        kafkaDir.toFile().deleteOnExit();
        kafka = new InProcessKafkaBroker(freePort(), kafkaDir);
        kafka.start();
    }

    @AfterAll
    static void stopInfrastructure() {
        client.close();
        kafka.stop();
        mongo.shutdownNow();
    }

    @BeforeEach
    void ownDatabase() {
        database = "fault_" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
        kafka.start();
    }

    @Test
    void writesAcknowledgedWhileTheBrokerIsDownAreAllPublishedOnceItIsBack() {
        HttpApi api = api(start("a"));
        World.ok(api.post(World.BASE + "/profiles", TOKEN, Map.of("id", "p", "name", "Fault")));

        kafka.stop();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(capture(api, "down" + (i % 5) + "@example.com", i));
        }
        awaitOutboxStatus(api, "DOWN");
        assertThat(published(false)).as("nothing could be published").hasSize(20);

        kafka.start();

        try (var stream = EventStream.from(kafka.bootstrapServers(), TOPIC)) {
            var received = stream.awaitUntil(all -> eventIds(all).containsAll(ids), WAIT);
            assertThat(eventIds(received).stream().filter(ids::contains).distinct()).hasSize(ids.size());
        }
        awaitCondition(() -> published(false).isEmpty(), "every change marked published");
        assertThat(changes().countDocuments()).isEqualTo(ids.size());
        awaitOutboxStatus(api, "UP");
    }

    /**
     * An erasure does not wait for a broker that is down (ADR 39): it is answered at once, done but
     * not announced, decisions block with ERASED, and its event goes out once the broker is back.
     */
    @Test
    void anErasureWhileTheBrokerIsDownIsDoneAtOnceAndAnnouncedWhenItIsBack() {
        HttpApi api = api(start("erasing"));
        World.ok(api.post(World.BASE + "/profiles", TOKEN, Map.of("id", "p", "name", "Erasing")));
        capture(api, "gone@example.com", 0);

        kafka.stop();
        HttpApi.Response erased = api.post(World.BASE + "/subject-requests/erasure", TOKEN, Map.of(
                "contactPoints", List.of(Map.of("channel", "EMAIL", "address", "gone@example.com")), "legalReference", "Art. 17"));

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("state").asString()).isEqualTo("DONE");
        assertThat(erased.json().get("announced").asBoolean()).as("the broker is down").isFalse();
        JsonNode decision = World.ok(api.post(World.BASE + "/decisions", TOKEN, World.decision("p", "commercial", null, "EMAIL",
                "gone@example.com", null)));
        assertThat(decision.get("send").asBoolean()).isFalse();
        String erasureId = erased.json().get("id").asString();

        kafka.start();

        try (var stream = EventStream.from(kafka.bootstrapServers(), "consent.erasures.v1")) {
            var received = stream.awaitUntil(all -> all.stream().anyMatch(r -> r.event() != null
                    && erasureId.equals(r.event().getSubject())), WAIT);
            assertThat(received.stream().filter(r -> r.event() != null && erasureId.equals(r.event().getSubject())))
                    .allSatisfy(r -> assertThat(r.key()).isEqualTo("acme|EMAIL|gone@example.com"));
        }
        awaitCondition(() -> World.ok(api.get(World.BASE + "/subject-requests/erasures", TOKEN)).get("items").get(0)
                .get("announced").asBoolean(), "the erasure marked announced");
        assertThat(client.getDatabase(database).getCollection("erasures").find().first().containsKey("toAnnounce"))
                .as("the addresses kept for the events are gone").isFalse();
    }

    @Test
    void aChangeWhoseServiceWasKilledBeforePublishingIsPublishedAfterTheRestart() throws Exception {
        int port = freePort();
        Process doomed = startProcess(port);
        String id;
        try {
            HttpApi api = new HttpApi(port);
            awaitCondition(() -> isUp(port) || !doomed.isAlive(), "the separate service process is up");
            assertThat(doomed.isAlive()).as(() -> "the service process died: " + output(doomed)).isTrue();
            World.ok(api.post(World.BASE + "/profiles", TOKEN, Map.of("id", "p", "name", "Killed")));
            id = capture(api, "killed@example.com", 0);
            assertThat(published(false)).as("in the change log, not yet published").containsExactly(id);
        } finally {
            doomed.destroyForcibly().waitFor();
        }

        start("after-restart");

        try (var stream = EventStream.from(kafka.bootstrapServers(), TOPIC)) {
            stream.awaitUntil(all -> eventIds(all).contains(id), WAIT);
        }
        awaitCondition(() -> published(false).isEmpty(), "the change marked published");
    }

    @Test
    void twoInstancesPublishEveryChangeInOrderPerRecordAndTheSurvivorTakesOver() throws Exception {
        ConfigurableApplicationContext first = start("one");
        ConfigurableApplicationContext second = start("two");
        List<HttpApi> apis = List.of(api(first), api(second));
        World.ok(apis.get(0).post(World.BASE + "/profiles", TOKEN, Map.of("id", "p", "name", "Two")));

        List<String> ids = writeConcurrently(apis, 200);
        try (var stream = EventStream.from(kafka.bootstrapServers(), TOPIC)) {
            var received = stream.awaitUntil(all -> eventIds(all).containsAll(ids), WAIT).stream()
                    .filter(r -> r.event() != null && ids.contains(r.event().getId())).toList();
            assertThat(received.stream().map(r -> r.event().getId()).distinct()).hasSize(ids.size());
            // after removing duplicates by id, each record's changes arrive in seq order
            Map<String, List<Long>> seqsBySubject = new HashMap<>();
            Set<String> seen = new java.util.HashSet<>();
            for (var r : received) {
                if (seen.add(r.event().getId())) {
                    seqsBySubject.computeIfAbsent(r.event().getSubject(), s -> new ArrayList<>())
                            .add(Long.parseLong(String.valueOf(r.event().getExtension("sequence"))));
                }
            }
            seqsBySubject.values().forEach(seqs -> assertThat(seqs).isSorted());
        }
        List<Boolean> leaders = List.of(relay(first).status().leader(), relay(second).status().leader());
        assertThat(leaders).as("one relay holds the lease").containsOnlyOnce(true);

        ConfigurableApplicationContext leader = leaders.get(0) ? first : second;
        ConfigurableApplicationContext survivor = leader == first ? second : first;
        leader.close();
        List<String> later = writeConcurrently(List.of(api(survivor)), 20);
        try (var stream = EventStream.from(kafka.bootstrapServers(), TOPIC)) {
            stream.awaitUntil(all -> eventIds(all).containsAll(later), WAIT);
        }
        assertThat(relay(survivor).status().leader()).isTrue();
    }

    @Test
    void anInstanceStoppedGracefullyHandsTheRelayOverAtOnceNotWhenItsLeaseExpires() throws Exception {
        ConfigurableApplicationContext first = startWithLease("one", "PT5M");
        awaitCondition(() -> relay(first).status().leader(), "the first instance holds the relay lease");
        ConfigurableApplicationContext second = startWithLease("two", "PT5M");
        World.ok(api(second).post(World.BASE + "/profiles", TOKEN, Map.of("id", "p", "name", "Two")));

        first.close(); // SIGTERM: a graceful shutdown
        List<String> later = writeConcurrently(List.of(api(second)), 5);

        try (var stream = EventStream.from(kafka.bootstrapServers(), TOPIC)) {
            // the lease would hold the second instance back for five minutes had it not been given back
            stream.awaitUntil(all -> eventIds(all).containsAll(later), Duration.ofSeconds(30));
        }
        assertThat(relay(second).status().leader()).isTrue();
    }

    @Test
    void twoInstancesPublishTheirSharesOfTheLogAtOnceEveryChangeOnceAtLeastEachContactPointInOrder() throws Exception {
        ConfigurableApplicationContext first = start("one", "--consent.outbox.partitions=4");
        ConfigurableApplicationContext second = start("two", "--consent.outbox.partitions=4");
        awaitCondition(() -> relay(first).status().leader() && relay(second).status().leader(), "the shares dealt out to both");
        List<HttpApi> apis = List.of(api(first), api(second));
        World.ok(apis.get(0).post(World.BASE + "/profiles", TOKEN, Map.of("id", "p", "name", "Shares")));

        var ids = new ArrayList<String>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < 240; i++) {
                int n = i;
                futures.add(pool.submit(() -> capture(apis.get(n % 2), "share" + (n % 24) + "@example.com", n)));
            }
            for (Future<String> future : futures) {
                ids.add(future.get());
            }
        } finally {
            pool.shutdown();
        }
        try (var stream = EventStream.from(kafka.bootstrapServers(), TOPIC)) {
            var received = stream.awaitUntil(all -> eventIds(all).containsAll(ids), WAIT).stream()
                    .filter(r -> r.event() != null && ids.contains(r.event().getId())).toList();
            assertThat(received.stream().map(r -> r.event().getId()).distinct()).as("no change lost").hasSize(ids.size());
            // after removing duplicates by id, each key's (contact point's) changes arrive in the order they were recorded
            Map<String, List<Long>> seqsBySubject = new HashMap<>();
            Set<String> seen = new java.util.HashSet<>();
            for (var r : received) {
                if (seen.add(r.event().getId())) {
                    seqsBySubject.computeIfAbsent(r.key(), key -> new ArrayList<>())
                            .add(Long.parseLong(String.valueOf(r.event().getExtension("sequence"))));
                }
            }
            assertThat(seqsBySubject).hasSize(24);
            seqsBySubject.values().forEach(seqs -> assertThat(seqs).isSorted());
        }
        awaitCondition(() -> published(false).isEmpty(), "every change marked published");
        assertThat(relay(first).status().published()).as("the first instance published its shares").isPositive();
        assertThat(relay(second).status().published()).as("the second instance published its shares").isPositive();
    }

    private List<String> writeConcurrently(List<HttpApi> apis, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> capture(apis.get(n % apis.size()), "two" + (n % 10) + "@example.com", n)));
            }
            var ids = new ArrayList<String>();
            for (Future<String> future : futures) {
                ids.add(future.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    private String capture(HttpApi api, String address, int i) {
        return World.ok(api.post(World.BASE + "/consents", TOKEN, World.capture("p", "EMAIL", address, "commercial", null,
                i % 2 == 0 ? "OPTED_IN" : "OPTED_OUT", Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i), null)))
                .get("id").asString();
    }

    private List<String> published(boolean published) {
        return changes().find(new Document("published", published)).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private MongoCollection<Document> changes() {
        return client.getDatabase(database).getCollection("consent_changes");
    }

    private static List<String> eventIds(List<EventStream.Received> received) {
        return received.stream().filter(r -> r.event() != null).map(r -> r.event().getId()).toList();
    }

    private List<String> arguments(String instance, int port, String relayPollInterval) {
        return List.of("--server.port=" + port,
                "--consent.embedded.mongo.enabled=false", "--spring.mongodb.uri=" + mongoUri, "--spring.mongodb.database=" + database,
                "--consent.embedded.kafka.enabled=false", "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--consent.dev-issuer.jwk-file=" + TestKeys.ISSUER_FILE, "--consent.receipts.jwk-file=" + TestKeys.RECEIPT_KEY_FILE,
                "--consent.keys.master-keyset-file=" + TestKeys.MASTER_KEYSET_FILE,
                "--consent.links.jwk-file=" + TestKeys.LINK_KEYS_FILE,
                "--consent.instance-id=" + instance, "--consent.outbox.poll-interval=" + relayPollInterval, "--consent.outbox.ack-timeout=PT2S",
                "--consent.outbox.lease-ttl=PT2S", "--consent.erasure.completion-interval=PT0.5S", "--consent.erasure.takeover-after=PT1S",
                "--spring.kafka.listener.auto-startup=false", "--consent.embedded.mail.port=0", "--logging.level.root=WARN",
                "--logging.level.org.apache.kafka=ERROR", "--logging.level.org.springframework.kafka=ERROR");
    }

    private ConfigurableApplicationContext start(String instance, String... more) {
        return startWithLease(instance, "PT2S", more);
    }

    private ConfigurableApplicationContext startWithLease(String instance, String leaseTtl, String... more) {
        var arguments = new ArrayList<>(arguments(instance, 0, "PT0.1S").stream()
                .map(argument -> argument.startsWith("--consent.outbox.lease-ttl=") ? "--consent.outbox.lease-ttl=" + leaseTtl : argument)
                .toList());
        arguments.addAll(List.of(more));
        var context = new SpringApplicationBuilder(ConsentApplication.class).run(arguments.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    /** The service in a separate JVM, with its relay idle, so that it can be killed with writes not yet published. */
    private Process startProcess(int port) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dsuite.log.file=" + System.getProperty("suite.log.file", "target/suite-logs/unnamed.log"), // its log lines join the suite's (SuiteLogsCheck)
                "-cp", classpath, ConsentApplication.class.getName()));
        command.addAll(arguments("doomed", port, "PT1H"));
        Path log = Files.createTempFile("killed-service", ".log");
        log.toFile().deleteOnExit();
        logs.put(port, log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private final Map<Integer, Path> logs = new HashMap<>();

    private String output(Process process) {
        return logs.values().stream().map(log -> {
            try {
                String text = Files.readString(log);
                return text.substring(Math.max(0, text.length() - 3000));
            } catch (IOException e) {
                return e.toString();
            }
        }).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static boolean isUp(int port) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitOutboxStatus(HttpApi api, String status) {
        awaitCondition(() -> {
            var health = api.get("/actuator/health", null);
            return health.json().get("components").get("outbox").get("status").asString().equals(status);
        }, "outbox health " + status);
    }

    private static void awaitCondition(java.util.concurrent.Callable<Boolean> condition, String what) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    private static RelayChanges relay(ConfigurableApplicationContext context) {
        return context.getBean(RelayChanges.class);
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
