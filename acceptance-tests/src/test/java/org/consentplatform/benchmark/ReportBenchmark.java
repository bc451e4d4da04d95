package org.consentplatform.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import org.bson.Document;
import org.consentplatform.application.port.in.CountChanges;
import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.domain.consent.ConsentLifetime;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * Report queries over 1M records (default), over HTTP with a reader token, beside the same
 * figures computed without counters: a {@code $group} over every record on the same server.
 * Records and their changes are written straight into the collections as the service keeps
 * them, then counted by the counting job (timed). Two profiles: "plain" has no consent lifetime;
 * "lived" gives its purpose one, so its reach report also counts overdue opt-ins.
 * Run: {@code ./mvnw -pl acceptance-tests -am verify -Pbenchmark-reports -DskipTests}; options
 * {@code records} (1000000), {@code queries} (200). It prints figures; it asserts nothing about time.
 */
public final class ReportBenchmark {

    private static final TenantId ACME = new TenantId("acme");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String[] CHANNELS = {"EMAIL", "SMS"};
    private static final String[] STATES = {"OPTED_IN", "OPTED_IN", "OPTED_OUT", "PENDING_CONFIRMATION"};

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("records", 1_000_000);
        int queries = Integer.getInteger("queries", 200);
        Path dataDir = Files.createTempDirectory("report-benchmark");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ConsentApplication.class)
                .run("--server.port=0", "--consent.embedded.mongo.storage=memory", "--logging.level.root=WARN",
                        "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=" + dataDir.resolve("kafka"),
                        "--consent.embedded.mail.port=0", "--consent.outbox.poll-interval=PT1H", "--consent.checkpoints.interval=PT24H",
                        "--consent.projection-repair.interval=PT24H", "--consent.expiry.interval=PT24H",
                        "--consent.reports.interval=PT24H", "--spring.kafka.listener.auto-startup=false")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
            ManageProfiles profiles = service.getBean(ManageProfiles.class);
            profiles.create(ACME, new TechnicalId("plain"), new ProfileDefinition("Plain", null, null, null));
            profiles.create(ACME, new TechnicalId("lived"), new ProfileDefinition("Lived", null, List.of(Purpose.define(
                    new TechnicalId("commercial"), null, PurposeType.COMMERCIAL, null, null, null, false, "Partner Co",
                    new ConsentLifetime(Period.ofMonths(24), false))), null));
            var database = service.getBean(MongoClient.class).getDatabase("consent");
            MongoCollection<Document> projections = database.getCollection("consent_records");
            long seeding = System.nanoTime();
            seed(database.getCollection("consent_changes"), projections, records);
            System.out.printf("seeded %,d records and their changes in %.0f s%n", records, (System.nanoTime() - seeding) / 1e9);

            long counting = System.nanoTime();
            int counted = service.getBean(CountChanges.class).countNew();
            double countingSeconds = (System.nanoTime() - counting) / 1e9;
            System.out.printf("counted %,d changes in %.1f s (%,.0f changes/s)%n", counted, countingSeconds, counted / countingSeconds);

            String token = DecisionBenchmark.devToken(base, "demo-marketing", "consent:read");
            System.out.println("reach of 'plain': " + get(base, token, "/reports/reach?profileId=plain"));
            System.out.printf("%n%-58s %8s %8s %8s%n", "query", "p50 ms", "p99 ms", "max ms");
            report("reach, profile without lifetimes (HTTP)", queries, () -> get(base, token, "/reports/reach?profileId=plain"));
            // on the embedded server (no secondary indexes) the overdue count scans every record: fewer rounds
            report("reach, profile with a lifetime (HTTP)", Math.max(20, queries / 10),
                    () -> get(base, token, "/reports/reach?profileId=lived"));
            report("daily figures over 366 days, whole tenant (HTTP)", queries,
                    () -> get(base, token, "/reports/daily?from=2025-11-01&to=2026-11-01"));
            report("reach of the whole tenant as CSV (HTTP)", queries, () -> get(base, token, "/reports/reach?format=csv"));
            report("baseline: $group over every record (no counters)", Math.max(3, queries / 20), () -> projections.aggregate(List.of(
                    Aggregates.match(new Document("tenant", "acme")),
                    Aggregates.group(new Document("profile", "$key.profileId").append("purpose", "$key.purposeId")
                            .append("channel", "$key.channel").append("state", "$current.state"), Accumulators.sum("n", 1))))
                    .into(new ArrayList<>()).size());
        }
    }

    /**
     * Contact points alternate between the two profiles and the two channels; each has one record of
     * the profile's commercial purpose (half opted in, a quarter opted out, a quarter pending), made
     * by one change, captured on one of 400 days.
     */
    private static void seed(MongoCollection<Document> changes, MongoCollection<Document> projections, int records) {
        var changeBatch = new ArrayList<Document>(10_000);
        var recordBatch = new ArrayList<Document>(10_000);
        Instant first = Instant.parse("2025-10-01T12:00:00Z");
        for (int i = 0; i < records; i++) {
            String profile = i % 2 == 0 ? "plain" : "lived";
            String channel = CHANNELS[(i / 2) % 2];
            String address = channel.equals("EMAIL") ? "person" + i + "@example.com" : "+4420" + String.format("%08d", i);
            String recordKey = profile + "|" + channel + "|" + address + "|commercial|";
            Document key = new Document("profileId", profile).append("channel", channel).append("address", address)
                    .append("purposeId", "commercial").append("topicId", null);
            Date capturedAt = Date.from(first.plusSeconds(86_400L * (i % 400)));
            Document after = new Document("state", STATES[(i / 4 + i / 16) % STATES.length]).append("capturedAt", capturedAt)
                    .append("source", "IMPORT").append("evidence", new Document());
            changeBatch.add(new Document("_id", "bench-" + i).append("tenant", "acme").append("recordKey", recordKey).append("seq", 1L)
                    .append("contactPoint", channel + "|" + address).append("key", key).append("outcome", "APPLIED")
                    .append("requestedState", after.getString("state").equals("OPTED_OUT") ? "OPTED_OUT" : "OPTED_IN")
                    .append("before", null).append("after", after).append("capturedAt", capturedAt).append("recordedAt", capturedAt)
                    .append("source", "IMPORT").append("actor", "benchmark").append("evidence", new Document())
                    .append("correlationId", null).append("previousHash", "0".repeat(64)).append("hash", "0".repeat(64))
                    .append("projected", true).append("published", true).append("counted", false));
            recordBatch.add(new Document("_id", "acme|" + recordKey).append("tenant", "acme").append("contactPoint", channel + "|" + address)
                    .append("key", key).append("seq", 1L).append("headHash", "0".repeat(64)).append("current", after));
            if (changeBatch.size() == 10_000) {
                changes.insertMany(changeBatch);
                projections.insertMany(recordBatch);
                changeBatch.clear();
                recordBatch.clear();
            }
        }
        if (!changeBatch.isEmpty()) {
            changes.insertMany(changeBatch);
            projections.insertMany(recordBatch);
        }
    }

    private interface Query {
        Object run() throws Exception;
    }

    private static void report(String name, int queries, Query query) throws Exception {
        query.run(); // warm-up
        long[] micros = new long[queries];
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            query.run();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("%-58s %8.1f %8.1f %8.1f%n", name + " ×" + queries, micros[queries / 2] / 1e3,
                micros[(int) Math.ceil(queries * 0.99) - 1] / 1e3, micros[queries - 1] / 1e3);
    }

    private static String get(String base, String token, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/acme" + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body().length() > 600 ? response.body().substring(0, 600) + "…" : response.body();
    }
}
