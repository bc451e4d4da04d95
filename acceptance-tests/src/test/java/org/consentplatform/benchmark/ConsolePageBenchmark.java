package org.consentplatform.benchmark;

import org.consentplatform.acceptance.support.ConsoleSession;
import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.contactpoint.Channel;
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
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * The console's consent-center page for one person and the history page of one record, rendered
 * over HTTP for a signed-in operator with 1M records stored, beside the API calls that read the
 * same data (the contact point's records; the record's history and its chain check). Run:
 * {@code ./mvnw -pl acceptance-tests -am verify -Pbenchmark-console -DskipTests}. Options:
 * {@code records} (1000000), {@code pages} (100). It prints figures; it asserts nothing about time.
 */
public final class ConsolePageBenchmark {

    private static final TenantId ACME = new TenantId("acme");
    private static final TechnicalId BENCH = new TechnicalId("bench");
    private static final TechnicalId NEWS = new TechnicalId("news");
    private static final List<TechnicalId> TOPICS = List.of(new TechnicalId("offers"), new TechnicalId("events"), new TechnicalId("tips"));
    private static final int RECORDS_PER_PERSON = 1 + 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("records", 1_000_000);
        int pages = Integer.getInteger("pages", 100);
        Path dataDir = Files.createTempDirectory("console-benchmark");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ConsentApplication.class)
                .run("--server.port=0", "--consent.embedded.mongo.storage=memory", "--logging.level.root=WARN",
                        "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=" + dataDir.resolve("kafka"),
                        "--consent.embedded.mail.port=0", "--consent.outbox.poll-interval=PT1H", "--consent.checkpoints.interval=PT24H",
                        "--consent.projection-repair.interval=PT24H", "--consent.reports.interval=PT24H",
                        "--spring.kafka.listener.auto-startup=false")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
            int people = records / RECORDS_PER_PERSON;
            long seeding = System.nanoTime();
            seed(service, people);
            System.out.printf("seeded %,d records (%,d people, a purpose and three topics each) in %.0f s%n",
                    people * RECORDS_PER_PERSON, people, (System.nanoTime() - seeding) / 1e9);

            var marketer = new ConsoleSession();
            marketer.signIn(base, "demo-marketer");
            var auditor = new ConsoleSession();
            auditor.signIn(base, "demo-auditor");
            String read = DecisionBenchmark.devToken(base, "demo-marketing", "consent:read");
            String audit = DecisionBenchmark.devToken(base, "demo-auditor", "consent:audit");
            var random = new Random(42);

            System.out.printf("%n%-64s %8s %8s %8s%n", "request (" + pages + " each, one at a time)", "p50 ms", "p99 ms", "max ms");
            report("consent-center page of one person (console, HTML)", pages, () -> page(marketer, base
                    + "/console/t/acme/people?kind=email&profile=bench&find=person" + random.nextInt(people) + "@example.com"));
            report("  its API counterpart: POST /consents/lookup", pages, () -> api(base, read, "/consents/lookup",
                    "{\"channel\":\"EMAIL\",\"address\":\"person" + random.nextInt(people) + "@example.com\",\"profileId\":\"bench\"}"));
            report("history page of one record (console, HTML)", pages, () -> page(auditor, base
                    + "/console/t/acme/history/record?profile=bench&channel=EMAIL&purpose=news&address=person"
                    + random.nextInt(people) + "@example.com"));
            report("  its API counterpart: POST /history/record + /record/verify", pages, () -> {
                String record = "{\"profileId\":\"bench\",\"channel\":\"EMAIL\",\"address\":\"person" + random.nextInt(people)
                        + "@example.com\",\"purposeId\":\"news\"}";
                api(base, audit, "/history/record", record);
                return api(base, audit, "/history/record/verify", record);
            });
        }
    }

    private static void seed(ConfigurableApplicationContext service, int people) throws Exception {
        Seeding.profile(service, ACME, BENCH, NEWS, TOPICS);
        Instant capturedAt = Instant.parse("2026-11-01T00:00:00Z");
        Seeding.people(service, ACME, people, RECORDS_PER_PERSON, i -> {
            var point = new RawContactPoint(Channel.EMAIL, "person" + i + "@example.com");
            var commands = new ArrayList<CaptureConsent.CaptureCommand>();
            commands.add(new CaptureConsent.CaptureCommand(BENCH, point, NEWS, null,
                    i % 3 == 0 ? ConsentState.OPTED_OUT : ConsentState.OPTED_IN, capturedAt, null, null, null));
            for (TechnicalId topic : TOPICS) {
                commands.add(new CaptureConsent.CaptureCommand(BENCH, point, NEWS, topic, ConsentState.OPTED_IN, capturedAt,
                        null, null, null));
            }
            return commands;
        });
    }

    private static int page(ConsoleSession session, String url) throws Exception {
        HttpResponse<String> response = session.get(url);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + url);
        }
        return response.body().length();
    }

    private static int api(String base, String token, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/acme" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body().length();
    }

    private static void report(String name, int count, Callable<Integer> request) throws Exception {
        request.call(); // warm-up
        long[] millis = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            request.call();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%-64s %8d %8d %8d%n", name, millis[count / 2], millis[(int) Math.ceil(count * 0.99) - 1], millis[count - 1]);
    }
}
