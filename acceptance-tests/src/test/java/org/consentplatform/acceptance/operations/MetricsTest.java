package org.consentplatform.acceptance.operations;

import org.consentplatform.acceptance.support.EventStream;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} over HTTP with real tokens: it asks for the metrics scope, and
 * what it serves counts decisions, changes, inbound events, loads and mails as they happen, with
 * no tenant or address in it.
 */
@RunningService
class MetricsTest {

    private static final String PROFILE = "metrics";
    private static final String METRICS = "/actuator/prometheus";

    @LocalServerPort
    private int port;
    @Autowired
    private InProcessKafkaBroker kafka;
    private World world;

    @BeforeEach
    void setUp() {
        world = new World(port);
        assertThat(world.createProfile(PROFILE, null).status()).isIn(201, 409);
    }

    @Test
    void theMetricsAskForATokenWithTheMetricsScopeAndThatTokenOpensNothingElse() {
        HttpApi.Response anonymous = world.api.get(METRICS, null);
        HttpApi.Response marketing = world.api.get(METRICS, world.marketing());
        HttpApi.Response scraperOnATenant = world.api.get(World.BASE + "/profiles", world.api.token("demo-monitoring"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(marketing.status()).isEqualTo(403);
        assertThat(scraperOnATenant.status()).isEqualTo(403);
    }

    @Test
    void aScrapeCountsEachDecisionAndChangeAsItHappensAndNamesNoTenantNorAddress() {
        String address = World.unique("metrics") + "@example.com";
        String before = scrape();
        world.capture(PROFILE, "EMAIL", address, "commercial", null, "OPTED_OUT", Instant.parse("2026-11-01T00:00:00Z"));
        var decision = world.decide(PROFILE, "commercial", null, "EMAIL", address, null);
        boolean sent = decision.get("send").asBoolean();
        boolean tracked = decision.get("track").asBoolean();
        String after = scrape();

        assertThat(sent).isFalse();
        List<String> change = List.of("consent_changes_total", "source=\"API\"", "outcome=\"APPLIED\"", "channel=\"EMAIL\"");
        assertThat(value(after, change)).isGreaterThanOrEqualTo(value(before, change) + 1);
        List<String> decided = List.of("consent_decisions_seconds_count", "mode=\"single\"");
        assertThat(value(after, decided)).isGreaterThanOrEqualTo(value(before, decided) + 1);
        List<String> blocked = List.of("consent_decisions_blocked_total", "reason=\"PURPOSE_CONSENT\"");
        assertThat(value(after, blocked)).isGreaterThanOrEqualTo(value(before, blocked) + 1);
        List<String> verdict = List.of("consent_decisions_verdicts_total", "mode=\"single\"", "send=\"false\"",
                "track=\"" + tracked + "\"");
        assertThat(value(after, verdict)).isGreaterThanOrEqualTo(value(before, verdict) + 1);
        assertThat(after).as("a histogram for percentiles across instances")
                .containsPattern("consent_decisions_seconds_bucket\\{[^}]*mode=\"single\"");
        assertThat(after).as("tenant-free, address-free").doesNotContain("acme", address, "example.com", PROFILE + "\"");
    }

    @Test
    void aDoubleOptInMailTheRelayTookIsCountedAsSent() {
        String profile = World.unique("metrics-doi");
        var newsletter = new LinkedHashMap<>(World.purpose("newsletter", "COMMERCIAL", Map.of("EMAIL", "NON_RESTRICTIVE"), List.of()));
        newsletter.put("doubleOptIn", true);
        World.ok(world.createProfile(profile, List.of(newsletter)));
        List<String> sent = List.of("consent_confirmation_mails_total", "outcome=\"sent\"");
        double before = value(scrape(), sent);

        world.capture(profile, "EMAIL", World.unique("ann") + "@example.com", "newsletter", null, "OPTED_IN", Instant.now().minusSeconds(60));

        Awaitility.await("the mail counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> value(scrape(), sent) >= before + 1);
    }

    @Test
    void inboundEventsAreCountedAppliedAndPoisonOnesAsDeadLetters() {
        String address = World.unique("metrics-inbound") + "@example.com";
        List<String> applied = List.of("consent_inbound_events_total", "kind=\"HARD_BOUNCE\"", "outcome=\"applied\"");
        List<String> refused = List.of("consent_inbound_dead_letters_total", "reason=\"rejected\"");
        List<String> unreadable = List.of("consent_inbound_dead_letters_total", "reason=\"unreadable\"");
        String before = scrape();

        EventStream.send(kafka.bootstrapServers(), "consent.inbound.v1", "acme", "not json",
                EventStream.inbound(UUID.randomUUID().toString(), "hard_bounce", "nobody", address, null, null),
                EventStream.inbound(UUID.randomUUID().toString(), "hard_bounce", "acme", address, null, null));

        Awaitility.await("the inbound events counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    String after = scrape();
                    assertThat(value(after, applied)).isGreaterThanOrEqualTo(value(before, applied) + 1);
                    assertThat(value(after, refused)).isGreaterThanOrEqualTo(value(before, refused) + 1);
                    assertThat(value(after, unreadable)).isGreaterThanOrEqualTo(value(before, unreadable) + 1);
                });
    }

    @Test
    void aStreamedBatchCountsEachLineByVerdictAndEachRefusedLine() {
        String address = World.unique("metrics-batch") + "@example.com";
        world.capture(PROFILE, "EMAIL", address, "commercial", null, "OPTED_OUT", Instant.parse("2026-11-01T00:00:00Z"));
        String line = HttpApi.json(World.decision(PROFILE, "commercial", null, "EMAIL", address, null));
        List<String> blocked = List.of("consent_decisions_verdicts_total", "mode=\"batch\"", "send=\"false\"");
        List<String> refused = List.of("consent_decisions_verdicts_total", "mode=\"batch\"", "send=\"refused\"");
        String before = scrape();

        HttpApi.Response batch = world.api.call("POST", World.BASE + "/decisions/batch", world.marketing(), "application/x-ndjson",
                line + "\n" + line + "\nnull\n", Map.of());
        String after = scrape();

        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(sum(after, blocked)).isGreaterThanOrEqualTo(sum(before, blocked) + 2);
        assertThat(value(after, refused)).isGreaterThanOrEqualTo(value(before, refused) + 1);
    }

    @Test
    void aLoadCountsItsRowsByOutcomeAndHowItEnded() {
        String csv = "profileId,channel,address,purposeId,state,capturedAt\n"
                + PROFILE + ",EMAIL," + World.unique("metrics-load") + "@example.com,commercial,OPTED_IN,2026-10-01T00:00:00Z\n"
                + PROFILE + ",EMAIL,not an address,commercial,OPTED_IN,2026-10-01T00:00:00Z\n";
        List<String> applied = List.of("consent_loads_rows_total", "outcome=\"APPLIED\"");
        List<String> rejected = List.of("consent_loads_rows_total", "outcome=\"REJECTED\"");
        List<String> completed = List.of("consent_loads_finished_total", "state=\"COMPLETED\"");
        String before = scrape();

        JsonNode done = world.load(Map.of("shape", "CONSENT_ROWS", "format", "CSV"), "metrics.csv", csv.getBytes(StandardCharsets.UTF_8));
        String after = scrape();

        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(value(after, applied)).isGreaterThanOrEqualTo(value(before, applied) + 1);
        assertThat(value(after, rejected)).isGreaterThanOrEqualTo(value(before, rejected) + 1);
        assertThat(value(after, completed)).isGreaterThanOrEqualTo(value(before, completed) + 1);
        assertThat(after).containsPattern("(?m)^consent_loads_active\\{[^}]*state=\"RUNNING\"[^}]*} \\d");
    }

    @Test
    void everySeriesTheDashboardAndTheAlertsQueryIsServed() throws Exception {
        String address = World.unique("metrics") + "@example.com";
        world.capture(PROFILE, "EMAIL", address, "commercial", null, "OPTED_OUT", Instant.parse("2026-11-01T00:00:00Z"));
        world.decide(PROFILE, "commercial", null, "EMAIL", address, null);
        String scrape = scrape();
        var queried = new TreeSet<String>();
        for (Path file : List.of(Path.of("../docs/grafana/consent-platform.json"), Path.of("../docs/grafana/alerts.yml"))) {
            Matcher names = Pattern.compile("consent_[a-z_]+").matcher(Files.readString(file));
            while (names.find()) {
                queried.add(names.group());
            }
        }

        assertThat(queried).hasSizeGreaterThan(8);
        assertThat(queried).allSatisfy(name -> assertThat(scrape).as("served at " + METRICS).containsPattern("(?m)^" + name + "[{ ]"));
    }

    private String scrape() {
        HttpApi.Response response = world.api.get(METRICS, world.api.token("demo-monitoring"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The sum of every series of that name whose labels include all of those given. */
    private static double sum(String scrape, List<String> nameAndLabels) {
        String name = nameAndLabels.getFirst();
        List<String> labels = nameAndLabels.subList(1, nameAndLabels.size());
        return Arrays.stream(scrape.split("\n")).filter(line -> line.startsWith(name + "{") && labels.stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The value of the one series of that name whose labels include all of those given; 0 when there is none yet. */
    private static double value(String scrape, List<String> nameAndLabels) {
        String name = nameAndLabels.getFirst();
        List<String> labels = nameAndLabels.subList(1, nameAndLabels.size());
        List<String> series = Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{") && labels.stream().allMatch(line::contains)).toList();
        assertThat(series).as("series %s", nameAndLabels).hasSizeLessThanOrEqualTo(1);
        return series.isEmpty() ? 0 : Double.parseDouble(series.getFirst().substring(series.getFirst().lastIndexOf(' ') + 1));
    }
}
