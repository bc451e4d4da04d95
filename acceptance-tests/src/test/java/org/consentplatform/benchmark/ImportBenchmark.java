package org.consentplatform.benchmark;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoServer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.embedded.mongo.IndexedBackends;
import tools.jackson.databind.JsonNode;

import java.io.BufferedWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load of {@code rows} (1,000,000) generated legacy rows by the service running in its own JVM
 * with its heap capped ({@code heap}, 256m), beside a raw driver bulk insert of the same change
 * documents on the same MongoDB-wire server in the same run. The server runs in this JVM, so
 * the service's heap holds only the service. Peak heap is read from the service's GC log.
 * Run: {@code ./mvnw -pl acceptance-tests -am verify -Pbenchmark-import -DskipTests}.
 * It prints figures; it asserts nothing about time.
 */
public final class ImportBenchmark {

    private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rows", 1_000_000);
        String heap = System.getProperty("heap", "256m");
        Path work = Files.createTempDirectory("import-benchmark");
        Path file = work.resolve("contacts.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("contactId,emails,doNotEmail,doNotBulkEmail,doNotTrack,lists\n");
            for (int i = 0; i < rows; i++) { // one change per row: a commercial opt-out
                out.write("c" + i + ",person" + i + "@example.com,,true,,\n");
            }
        }
        System.out.printf("file: %,d rows, %,d bytes%n", rows, Files.size(file));

        // the embedded default's server (its indexes served), counting what the service asks of it
        var store = new ServerWork();
        MongoServer mongo = new MongoServer(store.counting(IndexedBackends.memory()));
        String uri = "mongodb://127.0.0.1:" + mongo.bind().getPort();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path gcLog = work.resolve("gc.log");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"), ConsentApplication.class.getName(),
                "--server.port=" + port, "--consent.embedded.mongo.enabled=false", "--spring.mongodb.uri=" + uri,
                "--consent.embedded.kafka.enabled=false", "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--spring.kafka.listener.auto-startup=false", "--spring.kafka.admin.auto-create=false", "--consent.outbox.poll-interval=PT1H",
                "--consent.embedded.mail.port=0",
                "--consent.dev-issuer.jwk-file=" + TestKeys.ISSUER_FILE, "--consent.receipts.jwk-file=" + TestKeys.RECEIPT_KEY_FILE,
                "--consent.keys.master-keyset-file=" + TestKeys.MASTER_KEYSET_FILE,
                "--consent.links.jwk-file=" + TestKeys.LINK_KEYS_FILE,
                "--consent.imports.poll-interval=PT0.5S", "--logging.level.root=WARN"));
        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile()).start();
        try (var client = MongoClients.create(uri)) {
            var api = new HttpApi(port);
            awaitUp(api, service);
            String token = api.token("demo-admin");
            api.post("/api/v1/tenants/acme/profiles", token, Map.of("id", "bench", "name", "Benchmark"));

            long start = System.nanoTime();
            long[] before = store.snapshot();
            HttpApi.Response accepted = api.upload("/api/v1/tenants/acme/imports", token, "job", Map.of("shape", "LEGACY_CONTACTS",
                    "format", "CSV", "profileId", "bench", "capturedAt", "2026-10-01T00:00:00Z"), "file", "contacts.csv", Files.readAllBytes(file));
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            String job = accepted.json().get("id").asString();
            JsonNode done = Awaitility.await("the load").atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> progress(api, token, job), status -> List.of("COMPLETED", "FAILED").contains(status.get("state").asString()));
            double importSeconds = (System.nanoTime() - start) / 1e9;
            double importRate = rows / importSeconds;
            long[] load = minus(store.snapshot(), before);
            long applied = done.get("counts").get("applied").asLong();

            double batches = Math.ceil(rows / 500.0);
            System.out.printf("%nstate %s, counts %s%n", done.get("state").asString(), done.get("counts"));
            System.out.printf("upload: %.1f s; load (upload to COMPLETED): %,.0f rows/s%n", uploadSeconds, importRate);
            System.out.printf("store work of the load (upload, rows, status reads): %,d round trips (%.2f per 500 rows), %,d documents read, "
                    + "%,d written (%.2f per applied change, %,d applied)%n", load[0], load[0] / batches, load[1], load[2],
                    load[2] / (double) Math.max(1, applied), applied);
            System.out.printf("round trips by command (the service's start included): %s%n", store.byCommand());

            // change documents of the load's shape and size, inserted by the raw driver in batches like the load's;
            // the load's own documents are dropped first: this JVM cannot hold both millions
            var changes = client.getDatabase("consent").getCollection("consent_changes");
            var baseline = client.getDatabase("consent").getCollection("baseline_changes");
            Document sample = changes.find(new Document("source", "IMPORT")).limit(1).first();
            changes.drop();
            client.getDatabase("consent").getCollection("consent_records").drop();
            before = store.snapshot();
            long baselineStart = System.nanoTime();
            for (int from = 0; from < rows; from += 500) {
                List<Document> batch = new ArrayList<>(500);
                for (int i = from; i < Math.min(rows, from + 500); i++) {
                    Document copy = new Document(sample);
                    copy.put("_id", "baseline-" + i);
                    copy.put("recordKey", sample.getString("recordKey") + i);
                    batch.add(copy);
                }
                baseline.insertMany(batch, new InsertManyOptions().ordered(false));
            }
            double baselineRate = rows / ((System.nanoTime() - baselineStart) / 1e9);
            long[] raw = minus(store.snapshot(), before);

            System.out.printf("%n%-34s %12s%n", "", "rows/s");
            System.out.printf("%-34s %,12.0f%n", "load (upload to COMPLETED)", importRate);
            System.out.printf("%-34s %,12.0f%n", "raw insertMany of like changes", baselineRate);
            System.out.printf("%-34s %12.2f%n", "ratio", importRate / baselineRate);
            System.out.printf("store work of the raw insertMany: %,d round trips (%.2f per 500 rows), %,d documents written%n",
                    raw[0], raw[0] / batches, raw[2]);
            System.out.printf("service heap cap %s; peak heap before a GC %d MB; largest heap after a GC %d MB%n",
                    heap, peak(gcLog, 1), peak(gcLog, 2));
        } finally {
            service.destroy();
            service.waitFor();
            mongo.shutdownNow();
        }
    }

    private static long[] minus(long[] after, long[] before) {
        return new long[]{after[0] - before[0], after[1] - before[1], after[2] - before[2]};
    }

    /** Reads the job and prints its progress. */
    private static JsonNode progress(HttpApi api, String token, String job) {
        JsonNode status = api.get("/api/v1/tenants/acme/imports/" + job, token).json();
        System.out.printf("  %s: %,d rows read, %.0f rows/s, time left %s%n", status.get("state").asString(),
                status.get("counts").get("read").asLong(), status.get("rowsPerSecond").asDouble(), status.get("timeLeft"));
        return status;
    }

    private static void awaitUp(HttpApi api, Process service) {
        Awaitility.await("the service").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!service.isAlive()) {
                        throw new IllegalStateException("the service stopped; see its log");
                    }
                    try {
                        return api.get("/actuator/health", null).status() == 200;
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                });
    }

    /** The largest "before" (group 1) or "after" (group 2) heap figure of the GC log, in MB. */
    private static long peak(Path gcLog, int group) throws Exception {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = HEAP.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(group)));
            }
        }
        return peak;
    }
}
