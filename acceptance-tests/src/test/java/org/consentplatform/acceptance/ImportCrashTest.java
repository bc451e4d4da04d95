package org.consentplatform.acceptance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.bootstrap.ConsentApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service process killed (SIGKILL) in the middle of a load: another instance takes the job
 * over once the dead one's lease expires, resumes from the last stored batch, and ends with the
 * records and counts of an uninterrupted run, no change recorded twice.
 */
class ImportCrashTest {

    private static final int ROWS = 12_000;
    private static MongoServer mongo;
    private static String mongoUri;
    private static MongoClient client;

    @BeforeAll
    static void store() {
        mongo = new MongoServer(new MemoryBackend());
        mongoUri = "mongodb://127.0.0.1:" + mongo.bind().getPort();
        client = MongoClients.create(mongoUri);
    }

    @AfterAll
    static void stopStore() {
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void aLoadWhoseServiceWasKilledIsFinishedByAnotherInstanceWithTheSameOutcome() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("import-crash", ".log");
        log.toFile().deleteOnExit();
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dsuite.log.file=" + System.getProperty("suite.log.file", "target/suite-logs/unnamed.log"), // its log lines join the suite's (SuiteLogsCheck)
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ConsentApplication.class.getName()));
        command.addAll(arguments("doomed", port));
        Process doomed = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String job;
        try {
            HttpApi api = new HttpApi(port);
            Awaitility.await("the service process is up").atMost(Duration.ofSeconds(90)).until(() -> isUp(api) || !doomed.isAlive());
            assertThat(doomed.isAlive()).as(() -> "the service process died: " + read(log)).isTrue();
            String token = api.token("demo-admin");
            World.ok(api.post(World.BASE + "/profiles", token, Map.of("id", "legacy", "name", "Legacy")));
            HttpApi.Response accepted = api.upload(World.BASE + "/imports", token, "job", Map.of("shape", "LEGACY_CONTACTS",
                    "format", "CSV", "profileId", "legacy", "capturedAt", "2026-10-01T00:00:00Z"), "file", "legacy.csv", file());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            job = accepted.json().get("id").asString();
            Awaitility.await("the load is under way").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> read(api, token, job).get("counts").get("read").asLong() > 0);
        } finally {
            doomed.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no release of the lease
        }
        JsonNode atCrash = jobDocument(job);
        assertThat(atCrash.get("state").asString()).isEqualTo("RUNNING");
        assertThat(atCrash.get("counts").get("read").asLong()).as("killed mid-job").isLessThan(ROWS);

        try (ConfigurableApplicationContext survivor = new SpringApplicationBuilder(ConsentApplication.class)
                .run(arguments("survivor", 0).toArray(String[]::new))) {
            HttpApi api = new HttpApi(Integer.parseInt(survivor.getEnvironment().getProperty("local.server.port")));
            String token = api.token("demo-admin");
            JsonNode done = Awaitility.await("the survivor finishes the load").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> read(api, token, job), status -> status.get("state").asString().equals("COMPLETED"));

            // every fifth row is rejected; each other row writes a commercial and a transactional record
            long rejected = ROWS / 5;
            assertThat(done.get("counts").get("read").asLong()).isEqualTo(ROWS);
            assertThat(done.get("counts").get("applied").asLong()).isEqualTo(ROWS - rejected);
            assertThat(done.get("counts").get("rejected").asLong()).isEqualTo(rejected);
            assertThat(done.get("counts").get("unchanged").asLong()).isZero();
            var database = client.getDatabase("crash");
            assertThat(database.getCollection("consent_changes").countDocuments()).as("no change recorded twice")
                    .isEqualTo(2 * (ROWS - rejected));
            assertThat(database.getCollection("consent_records").countDocuments(com.mongodb.client.model.Filters.exists("key")))
                    .as("records, beside one subject (data key) per contact point").isEqualTo(2 * (ROWS - rejected));
            assertThat(database.getCollection("import_errors").countDocuments()).isEqualTo(rejected);
        }
    }

    private static byte[] file() {
        var csv = new StringBuilder("contactId,emails,doNotEmail,doNotBulkEmail,doNotTrack,lists\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("c").append(i).append(',').append(i % 5 == 0 ? "broken-" + i : "p" + i + "@example.com")
                    .append(",false,").append(i % 2 == 0).append(",,\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> arguments(String instance, int port) {
        return List.of("--server.port=" + port,
                "--consent.embedded.mongo.enabled=false", "--spring.mongodb.uri=" + mongoUri, "--spring.mongodb.database=crash",
                "--consent.embedded.kafka.enabled=false", "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--spring.kafka.listener.auto-startup=false", "--spring.kafka.admin.auto-create=false", "--consent.outbox.poll-interval=PT1H",
                "--consent.embedded.mail.port=0",
                "--consent.dev-issuer.jwk-file=" + TestKeys.ISSUER_FILE, "--consent.receipts.jwk-file=" + TestKeys.RECEIPT_KEY_FILE,
                "--consent.keys.master-keyset-file=" + TestKeys.MASTER_KEYSET_FILE,
                "--consent.links.jwk-file=" + TestKeys.LINK_KEYS_FILE,
                "--consent.instance-id=" + instance, "--consent.imports.lease-ttl=PT2S", "--consent.imports.batch-size=200",
                "--consent.imports.poll-interval=PT0.2S", "--logging.level.root=WARN", "--logging.level.org.apache.kafka=OFF");
    }

    private static JsonNode read(HttpApi api, String token, String job) {
        return World.ok(api.get(World.BASE + "/imports/" + job, token));
    }

    private static JsonNode jobDocument(String job) {
        Document doc = client.getDatabase("crash").getCollection("import_jobs").find(new Document("_id", job)).first();
        return HttpApi.JSON.readTree(doc.toJson());
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
