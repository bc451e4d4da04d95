package org.consentplatform.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.consentplatform.adapter.out.mongo.ContactPointKeys;
import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.application.port.in.ManageContacts;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
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
import java.util.List;
import java.util.stream.IntStream;

/**
 * What answering a person's access and erasure requests costs the store (issue 17), among many
 * other people's records: per request, its latency, its round trips to MongoDB and the documents
 * it read and wrote, counted by a driver command listener ({@link StoreWork}; counts carry over to a real
 * cluster; timings on this machine do not). Beside them, in the same run: one capture (the
 * smallest write) and a raw driver read of the person's history by contact point (what the
 * embedded server, which ignores secondary indexes, makes every per-person read cost).
 * Run: {@code ./mvnw -pl acceptance-tests -am verify -Pbenchmark-privacy -DskipTests}; options:
 * {@code records} (background records, 1,000,000), {@code subjects} (5). It asserts nothing about time.
 */
public final class PrivacyBenchmark {

    private static final TenantId ACME = new TenantId("acme");
    private static final TechnicalId BENCH = new TechnicalId("bench");
    private static final TechnicalId NEWS = new TechnicalId("news");
    /** A purpose and 24 topics on each of 4 addresses: 100 records a person. */
    private static final List<TechnicalId> TOPICS = IntStream.range(0, 24).mapToObj(i -> new TechnicalId("topic" + i)).toList();
    private static final int ADDRESSES_PER_SUBJECT = 4;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final StoreWork WORK = StoreWork.INSTANCE;

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("records", 1_000_000);
        int subjects = Integer.getInteger("subjects", 5);
        Path dataDir = Files.createTempDirectory("privacy-benchmark");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ConsentApplication.class, StoreWork.Counting.class)
                .run("--server.port=0", "--consent.embedded.mongo.storage=memory", "--logging.level.root=WARN",
                        "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=" + dataDir.resolve("kafka"),
                        "--consent.embedded.mail.port=0", "--consent.outbox.poll-interval=PT1H", "--consent.checkpoints.interval=PT24H",
                        "--consent.projection-repair.interval=PT24H", "--consent.reports.interval=PT24H",
                        "--consent.expiry.interval=PT24H", "--consent.imports.poll-interval=PT1H", "--consent.retention.interval=PT24H",
                        "--consent.erasure.completion-interval=PT24H", "--spring.kafka.listener.auto-startup=false")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
            long seeding = System.nanoTime();
            seed(service, records / 4, subjects);
            System.out.printf("seeded %,d background records and %d people of %d records each in %.0f s%n",
                    records / 4 * 4, subjects, ADDRESSES_PER_SUBJECT * (1 + TOPICS.size()), (System.nanoTime() - seeding) / 1e9);
            String dpo = DecisionBenchmark.devToken(base, "demo-auditor", "consent:audit consent:privacy");
            String writer = DecisionBenchmark.devToken(base, "demo-marketing", "consent:write");
            var history = service.getBean(MongoClient.class).getDatabase("consent").getCollection("consent_changes");
            ContactPointKeys keys = service.getBean(ContactPointKeys.class);

            System.out.printf("%n%-68s %9s %12s %9s %9s%n", "request (median of " + subjects + ")", "ms", "round trips",
                    "read", "written");
            measure("one capture (POST /consents): the smallest write", subjects, i -> call(base, writer, "/consents",
                    "{\"profileId\":\"bench\",\"channel\":\"EMAIL\",\"address\":\"single" + i + "@example.com\",\"purposeId\":\"news\","
                            + "\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-11-01T00:00:00Z\"}"));
            measure("raw driver read of one person's history (4 addresses, by contactPoint)", subjects, i -> {
                for (int a = 0; a < ADDRESSES_PER_SUBJECT; a++) {
                    String stored = "EMAIL||" + keys.pseudonym(ACME, new ContactPoint(Channel.EMAIL, address(i, a)));
                    history.find(Filters.and(Filters.eq("tenant", "acme"), Filters.eq("contactPoint", stored))).into(new ArrayList<Document>());
                }
                return 200;
            });
            measure("access: everything held about a person of 100 records (JSON-LD)", subjects, i -> call(base, dpo,
                    "/subject-requests/access", "{\"contactId\":\"subject-" + i + "\"}"));
            measure("erasure of that person (100 records forgotten)", subjects, i -> call(base, dpo, "/subject-requests/erasure",
                    "{\"contactId\":\"subject-" + i + "\",\"legalReference\":\"GDPR Art. 17(1)(b)\"}"));
        }
    }

    private interface Request {
        int send(int subject) throws Exception;
    }

    private static void measure(String name, int subjects, Request request) throws Exception {
        var times = new ArrayList<Double>();
        var trips = new ArrayList<Long>();
        var reads = new ArrayList<Long>();
        var writes = new ArrayList<Long>();
        for (int i = 0; i < subjects; i++) {
            long[] before = WORK.snapshot();
            long started = System.nanoTime();
            int status = request.send(i);
            times.add((System.nanoTime() - started) / 1e6);
            long[] after = WORK.snapshot();
            if (status != 200 && status != 201) {
                throw new IllegalStateException(name + " answered " + status);
            }
            trips.add(after[0] - before[0]);
            reads.add(after[1] - before[1]);
            writes.add(after[2] - before[2]);
        }
        System.out.printf("%-68s %9.0f %12d %9d %9d%n", name, median(times), median(trips), median(reads), median(writes));
    }

    private static <T extends Comparable<T>> T median(List<T> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static int call(String base, String token, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/acme" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static String address(int subject, int n) {
        return "subject" + subject + "-" + n + "@example.com";
    }

    private static void seed(ConfigurableApplicationContext service, int people, int subjects) throws Exception {
        Seeding.profile(service, ACME, BENCH, NEWS, TOPICS);
        Instant capturedAt = Instant.parse("2026-11-01T00:00:00Z");
        Seeding.people(service, ACME, people, 4, i -> {
            var point = new RawContactPoint(Channel.EMAIL, "person" + i + "@example.com");
            var commands = new ArrayList<CaptureConsent.CaptureCommand>();
            commands.add(new CaptureConsent.CaptureCommand(BENCH, point, NEWS, null, ConsentState.OPTED_IN, capturedAt, null, null, null));
            for (TechnicalId topic : TOPICS.subList(0, 3)) {
                commands.add(new CaptureConsent.CaptureCommand(BENCH, point, NEWS, topic, ConsentState.OPTED_IN, capturedAt, null, null,
                        null));
            }
            return commands;
        });
        CaptureConsent capture = service.getBean(CaptureConsent.class);
        var caller = new CaptureConsent.Caller(new Actor("benchmark"), null);
        ManageContacts contacts = service.getBean(ManageContacts.class);
        for (int s = 0; s < subjects; s++) {
            var points = new ArrayList<RawContactPoint>();
            var commands = new ArrayList<CaptureConsent.CaptureCommand>();
            for (int a = 0; a < ADDRESSES_PER_SUBJECT; a++) {
                var point = new RawContactPoint(Channel.EMAIL, address(s, a));
                points.add(point);
                commands.add(new CaptureConsent.CaptureCommand(BENCH, point, NEWS, null, ConsentState.OPTED_IN, capturedAt, null, null, null));
                for (TechnicalId topic : TOPICS) {
                    commands.add(new CaptureConsent.CaptureCommand(BENCH, point, NEWS, topic, ConsentState.OPTED_IN, capturedAt, null, null,
                            null));
                }
            }
            contacts.upsert(ACME, new ManageContacts.ContactCommand(new TechnicalId("subject-" + s), EntityType.CONTACT,
                    LegacyFlags.NONE, points));
            capture.captureAll(ACME, commands, caller);
        }
    }
}
