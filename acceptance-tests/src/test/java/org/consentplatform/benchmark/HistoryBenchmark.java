package org.consentplatform.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.consentplatform.adapter.out.mongo.ContactPointKeys;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.RawContactPoint;
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
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/**
 * History and as-of queries for one contact point among many changes (1M by default), over
 * HTTP with an auditor token, beside a raw driver read of the same entries on the same server.
 * Run: {@code ./mvnw -pl acceptance-tests -am verify -Pbenchmark-history -DskipTests}. Options:
 * {@code changes} (1000000), {@code queries} (100), {@code storage} (memory|file). Seeding goes
 * through the application's own capture port, five changes per contact point. Beside each
 * figure, the store's work per query ({@link StoreWork}). It prints figures; it asserts nothing
 * about time.
 */
public final class HistoryBenchmark {

    private static final TechnicalId BENCH = new TechnicalId("bench");
    private static final TechnicalId COMMERCIAL = new TechnicalId("commercial");

    private static final TenantId ACME = new TenantId("acme");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int CHANGES_PER_CONTACT_POINT = 5;
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int changes = Integer.getInteger("changes", 1_000_000);
        int queries = Integer.getInteger("queries", 100);
        String storage = System.getProperty("storage", "memory");
        Path dataDir = Files.createTempDirectory("history-benchmark");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ConsentApplication.class, StoreWork.Counting.class)
                .run("--server.port=0", "--consent.embedded.mongo.storage=" + storage, "--logging.level.root=WARN",
                        "--consent.embedded.mongo.file=" + dataDir.resolve("consent.mv"),
                        "--consent.keys.master-keyset-file=" + dataDir.resolve("master-keyset.json"),
                        "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=" + dataDir.resolve("kafka"), "--consent.embedded.mail.port=0",
                        "--consent.outbox.poll-interval=PT1H", "--consent.checkpoints.interval=PT24H",
                        "--consent.projection-repair.interval=PT24H", "--spring.kafka.listener.auto-startup=false")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
            int contactPoints = changes / CHANGES_PER_CONTACT_POINT;
            long seeding = System.nanoTime();
            seed(service, contactPoints);
            System.out.printf("seeded %,d changes (%,d contact points) in %.0f s (%s storage)%n", contactPoints * CHANGES_PER_CONTACT_POINT,
                    contactPoints, (System.nanoTime() - seeding) / 1e9, storage);

            String token = DecisionBenchmark.devToken(base, "demo-auditor", "consent:audit");
            MongoCollection<Document> log = service.getBean(MongoClient.class).getDatabase("consent").getCollection("consent_changes");
            ContactPointKeys keys = service.getBean(ContactPointKeys.class);
            var random = new Random(42);
            IntSupplier anyone = () -> random.nextInt(contactPoints);
            StoreWork.INSTANCE.countOnly(StoreWork.REQUEST_THREADS.or(Thread.currentThread().getName()::equals));
            System.out.printf("%n%-44s %10s %10s %10s %12s %10s%n", "query (" + queries + " each)", "p50 ms", "p99 ms", "max ms",
                    "round trips", "read");
            report("history of a contact point (HTTP)", queries, () -> post(base, token, "/history/contact-point?limit=100",
                    "{\"channel\":\"EMAIL\",\"address\":\"person" + anyone.getAsInt() + "@example.com\"}"));
            report("as-of of a record (HTTP)", queries, () -> post(base, token,
                    "/history/record/as-of?at=" + FIRST.plusSeconds(2),
                    "{\"profileId\":\"bench\",\"channel\":\"EMAIL\",\"address\":\"person" + anyone.getAsInt()
                            + "@example.com\",\"purposeId\":\"commercial\"}"));
            report("baseline: raw driver read, same entries", queries, () -> log.find(new Document("tenant", "acme")
                    .append("contactPoint", "EMAIL||" + keys.pseudonym(ACME, new ContactPoint(Channel.EMAIL, "person" + anyone.getAsInt() + "@example.com"))))
                    .sort(Sorts.ascending("recordedAt", "_id")).limit(100).into(new ArrayList<>()));
        }
    }

    private static void seed(ConfigurableApplicationContext service, int contactPoints) throws Exception {
        service.getBean(ManageProfiles.class).create(ACME, new TechnicalId("bench"), new ProfileDefinition("Benchmark", null, null, null));
        CaptureConsent capture = service.getBean(CaptureConsent.class);
        var caller = new CaptureConsent.Caller(new Actor("benchmark"), null);
        int perBatch = CaptureConsent.MAX_BATCH / CHANGES_PER_CONTACT_POINT;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var done = new ArrayList<Future<?>>();
            for (int from = 0; from < contactPoints; from += perBatch) {
                int start = from;
                done.add(pool.submit(() -> {
                    var commands = new ArrayList<CaptureConsent.CaptureCommand>();
                    for (int n = 0; n < CHANGES_PER_CONTACT_POINT; n++) {
                        for (int i = start; i < Math.min(contactPoints, start + perBatch); i++) {
                            commands.add(new CaptureConsent.CaptureCommand(BENCH, new RawContactPoint(Channel.EMAIL, "person" + i + "@example.com"),
                                    COMMERCIAL, null, n % 2 == 0 ? ConsentState.OPTED_IN : ConsentState.OPTED_OUT,
                                    FIRST.plusSeconds(n), null, null, null));
                        }
                    }
                    capture.captureAll(ACME, commands, caller);
                    if (start % 20_000 == 0) {
                        System.out.printf("  seeded up to contact point %,d%n", start);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void report(String name, int queries, Runnable query) {
        query.run(); // warm-up
        long[] before = StoreWork.INSTANCE.snapshot();
        long[] millis = new long[queries];
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long[] work = StoreWork.INSTANCE.snapshot();
        Arrays.sort(millis);
        System.out.printf("%-44s %10d %10d %10d %12.2f %10.1f%n", name, millis[queries / 2], millis[(int) Math.ceil(queries * 0.99) - 1],
                millis[queries - 1], (work[0] - before[0]) / (double) queries, (work[1] - before[1]) / (double) queries);
    }

    private static void post(String base, String token, String path, String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/acme" + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
