package org.consentplatform.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.domain.profile.ProfileDefinition;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The dry run of a model change over 1M records (default), over HTTP with an admin token, beside
 * a raw driver scan of the same records on the same server (the floor: the dry run reads each
 * record once). Records are written straight into the projection collection, as the service
 * keeps them. Run: {@code ./mvnw -pl acceptance-tests -am verify -Pbenchmark-dry-run -DskipTests};
 * option {@code records}. It prints figures; it asserts nothing about time.
 */
public final class DryRunBenchmark {

    private static final TenantId ACME = new TenantId("acme");
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("records", 1_000_000);
        Path dataDir = Files.createTempDirectory("dry-run-benchmark");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ConsentApplication.class)
                .run("--server.port=0", "--consent.embedded.mongo.storage=memory", "--logging.level.root=WARN",
                        "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=" + dataDir.resolve("kafka"),
                        "--consent.embedded.mail.port=0", "--consent.outbox.poll-interval=PT1H", "--consent.checkpoints.interval=PT24H",
                        "--consent.projection-repair.interval=PT24H", "--consent.expiry.interval=PT24H",
                        "--spring.kafka.listener.auto-startup=false")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
            service.getBean(ManageProfiles.class).create(ACME, new TechnicalId("bench"), new ProfileDefinition("Benchmark", null, null, null));
            MongoCollection<Document> projections = service.getBean(MongoClient.class).getDatabase("consent").getCollection("consent_records");
            long seeding = System.nanoTime();
            seed(projections, records);
            System.out.printf("seeded %,d records in %.0f s%n", records, (System.nanoTime() - seeding) / 1e9);

            String token = DecisionBenchmark.devToken(base, "demo-admin", "consent:admin");
            String body = "{\"purposeId\":\"commercial\",\"channel\":\"EMAIL\",\"model\":\"DISABLED\"}";
            Document filter = new Document("tenant", "acme").append("key.profileId", "bench").append("key.purposeId", "commercial")
                    .append("key.channel", "EMAIL");
            String answer = post(base, token, body); // warm-up, and what it says
            System.out.println("dry run answer (sample cut): " + answer.substring(0, Math.min(240, answer.length())));
            System.out.printf("%n%-52s %10s%n", "measurement (" + ROUNDS + " rounds, median)", "seconds");
            System.out.printf("%-52s %10.2f%n", "dry run NON_RESTRICTIVE to DISABLED (HTTP), " + records,
                    median(() -> post(base, token, body)));
            System.out.printf("%-52s %10.2f%n", "baseline: raw driver scan of the same records",
                    median(() -> {
                        long[] count = {0};
                        projections.find(filter).batchSize(1000).forEach(doc -> count[0]++);
                        return Long.toString(count[0]);
                    }));
        }
    }

    /** One in three records opted out (they flip to send under DISABLED), the rest opted in. */
    private static void seed(MongoCollection<Document> projections, int records) {
        var batch = new ArrayList<Document>(10_000);
        Date recent = Date.from(Instant.parse("2026-11-01T00:00:00Z"));
        for (int i = 0; i < records; i++) {
            String address = "person" + i + "@example.com";
            Document key = new Document("profileId", "bench").append("channel", "EMAIL").append("address", address)
                    .append("purposeId", "commercial").append("topicId", null);
            Document current = new Document("state", i % 3 == 0 ? "OPTED_OUT" : "OPTED_IN").append("capturedAt", recent)
                    .append("source", "IMPORT").append("evidence", new Document());
            batch.add(new Document("_id", "acme|bench|EMAIL|" + address + "|commercial|").append("tenant", "acme")
                    .append("contactPoint", "EMAIL|" + address).append("key", key).append("seq", 1L)
                    .append("headHash", "0".repeat(64)).append("current", current));
            if (batch.size() == 10_000) {
                projections.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            projections.insertMany(batch);
        }
    }

    private interface Run {
        String run() throws Exception;
    }

    private static double median(Run run) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            run.run();
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        seconds.sort(Double::compare);
        return seconds.get(ROUNDS / 2);
    }

    private static String post(String base, String token, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/tenants/acme/profiles/bench/dry-run"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
