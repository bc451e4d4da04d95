package org.consentplatform.acceptance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.consentplatform.acceptance.support.EventStream;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.acceptance.support.Tokens;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.application.port.in.TakeCheckpoints;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event side of the platform against the real in-process broker: every change reaches
 * {@code consent.changes.v1} as a CloudEvent, keyed and ordered by contact point; what mail
 * and SMS providers report on {@code consent.inbound.v1} becomes opt-outs, once; poison
 * messages go to the dead-letter topic without stopping the rest; checkpoints leave the
 * database and anchor the ends of the chains.
 */
@RunningService
class EventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;
    @Autowired
    private InProcessKafkaBroker kafka;
    @Autowired
    private TakeCheckpoints checkpoints;
    @Autowired
    private MongoClient mongo;
    @Autowired
    @Qualifier("outboxMetrics")
    private MeterBinder outboxMetrics;
    private World world;
    private String profile;

    @BeforeEach
    void setUp() {
        world = new World(port);
        profile = World.unique("events");
        World.ok(world.createProfile(profile, List.of(
                World.purpose("news", "COMMERCIAL", Map.of(), List.of("shoes")),
                World.purpose("offers", "COMMERCIAL", Map.of(), List.of()))));
    }

    @Test
    void everyChangeArrivesAsACloudEventKeyedByItsContactPointInOrder() {
        String ann = World.unique("ann") + "@example.com";
        String bob = World.unique("bob") + "@example.com";
        var ids = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            String address = i % 2 == 0 ? ann : bob;
            ids.add(world.capture(profile, "EMAIL", address, "news", null, i < 2 ? "OPTED_IN" : "OPTED_OUT",
                    Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i)).get("id").asString());
        }
        ids.add(world.capture(profile, "EMAIL", ann, "offers", null, "OPTED_IN", Instant.parse("2026-11-02T00:00:00Z"))
                .get("id").asString());

        try (var stream = EventStream.from(kafka.bootstrapServers(), "consent.changes.v1")) {
            var received = stream.awaitUntil(all -> idsOf(all).containsAll(ids), WAIT).stream()
                    .filter(r -> r.event() != null && ids.contains(r.event().getId())).toList();

            CloudEvent first = received.stream().filter(r -> r.event().getId().equals(ids.get(0))).findFirst().orElseThrow().event();
            assertThat(first.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(first.getType()).isEqualTo("org.consentplatform.consent.changed.v1");
            assertThat(first.getSource().toString()).isEqualTo("/consent-platform/tenants/acme");
            assertThat(first.getDataContentType()).isEqualTo("application/json");
            assertThat(first.getDataSchema()).as("dataschema").hasPath("/events/schemas/consent.changed.v1.json");
            HttpApi.Response schema = world.api.get(first.getDataSchema().getPath(), null);
            assertThat(schema.status()).as("the schema is served, without a token").isEqualTo(200);
            assertThat(schema.json().get("title").asString()).isEqualTo("consent.changed.v1 data");
            HttpApi.Response asyncApi = world.api.get("/events/asyncapi.yaml", null);
            assertThat(asyncApi.status()).isEqualTo(200);
            assertThat(asyncApi.header("Content-Type")).startsWith("application/yaml");
            assertThat(asyncApi.body()).contains("asyncapi: 3.0.0", "address: consent.changes.v1");
            JsonNode data = HttpApi.JSON.readTree(first.getData().toBytes());
            assertThat(data.get("changeId").asString()).isEqualTo(ids.get(0));
            assertThat(data.get("address").asString()).isEqualTo(ann);
            assertThat(data.get("after").get("state").asString()).isEqualTo("OPTED_IN");
            assertThat(data.get("hash").asString()).hasSize(64);

            Map<String, List<String>> byKey = received.stream().collect(Collectors.groupingBy(EventStream.Received::key,
                    LinkedHashMap::new, Collectors.mapping(r -> r.event().getId(), Collectors.toList())));
            assertThat(byKey.keySet()).containsExactlyInAnyOrder("acme|EMAIL|" + ann, "acme|EMAIL|" + bob);
            // per contact point, in the order the changes were made (one partition per key)
            assertThat(distinct(byKey.get("acme|EMAIL|" + ann))).containsExactly(ids.get(0), ids.get(2), ids.get(4));
            assertThat(distinct(byKey.get("acme|EMAIL|" + bob))).containsExactly(ids.get(1), ids.get(3));
            assertThat(received.stream().filter(r -> r.key().equals("acme|EMAIL|" + ann)).map(EventStream.Received::partition)
                    .distinct()).hasSize(1);
        }
        var meters = new SimpleMeterRegistry();
        outboxMetrics.bindTo(meters);
        assertThat(meters.get("consent.outbox.published").functionCounter().count()).isGreaterThanOrEqualTo(ids.size());
        assertThat(meters.get("consent.outbox.failures").functionCounter().count()).isZero();
        assertThat(meters.get("consent.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anUnsubscribeBecomesAnOptOutOnceHoweverOftenItIsDelivered() {
        String address = World.unique("unsub") + "@example.com";
        world.capture(profile, "EMAIL", address, "news", null, "OPTED_IN", Instant.parse("2026-11-01T00:00:00Z"));
        world.capture(profile, "EMAIL", address, "offers", null, "OPTED_IN", Instant.parse("2026-11-01T00:00:00Z"));
        String event = EventStream.inbound(UUID.randomUUID().toString(), "unsubscribe", "acme", address.toUpperCase(), profile, "news");

        EventStream.send(kafka.bootstrapServers(), "consent.inbound.v1", "acme", event, event);

        awaitRecord(address, "news", "OPTED_OUT");
        JsonNode news = record(address, "news");
        assertThat(news.get("source").asString()).isEqualTo("INBOUND_EVENT");
        assertThat(news.get("seq").asLong()).as("the second delivery of the same event id changes nothing").isEqualTo(2);
        assertThat(record(address, "offers").get("state").asString()).as("only the purpose named").isEqualTo("OPTED_IN");
        JsonNode history = World.ok(world.api.post(World.BASE + "/history/record", world.auditor(), Map.of("profileId", profile,
                "channel", "EMAIL", "address", address, "purposeId", "news")));
        assertThat(history.get("items").get(1).get("actor").asString()).isEqualTo("provider:/providers/test-mailer");
    }

    @Test
    void aSpamComplaintWithdrawsEveryCommercialPurposeOfEveryProfile() {
        String address = World.unique("spam") + "@example.com";
        world.capture(profile, "EMAIL", address, "news", null, "OPTED_IN", Instant.parse("2026-11-01T00:00:00Z"));

        EventStream.send(kafka.bootstrapServers(), "consent.inbound.v1", "acme",
                EventStream.inbound(UUID.randomUUID().toString(), "spam_complaint", "acme", address, null, null));

        awaitRecord(address, "offers", "OPTED_OUT");
        assertThat(record(address, "news").get("state").asString()).isEqualTo("OPTED_OUT");
        assertThat(world.decide(profile, "news", null, "EMAIL", address, null).get("send").asBoolean()).isFalse();
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicWithTheReasonAndTheNextGoodOneIsStillApplied() {
        String address = World.unique("after-poison") + "@example.com";
        String marker = UUID.randomUUID().toString();
        String unknownTenant = EventStream.inbound(marker + "-tenant", "hard_bounce", "nobody", "x@example.com", null, null);
        String badAddress = EventStream.inbound(marker + "-address", "hard_bounce", "acme", "not an address", null, null);
        String unknownType = EventStream.inbound(marker + "-type", "sunburn", "acme", "x@example.com", null, null);
        String good = EventStream.inbound(marker + "-good", "hard_bounce", "acme", address, null, null);

        EventStream.send(kafka.bootstrapServers(), "consent.inbound.v1", "acme",
                "not json " + marker, unknownTenant, badAddress, unknownType, good);

        awaitRecord(address, "news", "OPTED_OUT");
        try (var dlt = EventStream.from(kafka.bootstrapServers(), "consent.inbound.v1.dlt")) {
            var dead = dlt.awaitUntil(all -> all.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker))
                    .count() == 4, WAIT).stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker)).toList();
            assertThat(dead).allSatisfy(r -> {
                assertThat(r.header("kafka_dlt-original-topic")).isEqualTo("consent.inbound.v1");
                assertThat(r.header("kafka_dlt-exception-message")).isNotBlank();
            });
            assertThat(dead.stream().map(r -> r.header("kafka_dlt-exception-message")).toList())
                    .anySatisfy(m -> assertThat(m).contains("not a CloudEvents"))
                    .anySatisfy(m -> assertThat(m).contains("unknown tenant"))
                    .anySatisfy(m -> assertThat(m).contains("address"))
                    .anySatisfy(m -> assertThat(m).contains("kind"));
            assertThat(dead).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker + "-good"));
        }
    }

    @Test
    void aCheckpointIsPublishedAndCatchesAnEntryCutOffTheEndOfAChain() {
        String tenant = World.unique("anchor").replace('-', '_');
        String base = "/api/v1/tenants/" + tenant;
        String admin = Tokens.sign(Tokens.valid(List.of(tenant), Tokens.ALL_SCOPES).build(), TestKeys.ISSUER);
        World.ok(world.api.post(base + "/profiles", admin, Map.of("id", "p", "name", "Anchored")));
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.add(World.ok(world.api.post(base + "/consents", admin, World.capture("p", "EMAIL", "cut@example.com", "commercial",
                    null, i % 2 == 0 ? "OPTED_IN" : "OPTED_OUT", Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i), null)))
                    .get("id").asString());
        }
        World.ok(world.api.post(base + "/consents", admin, World.capture("p", "SMS", "+33612345678", "commercial", null, "OPTED_IN",
                Instant.parse("2026-11-01T00:00:00Z"), null)));

        assertThat(checkpoints.checkpointAll()).anySatisfy(c -> assertThat(c.tenant().value()).isEqualTo(tenant));

        JsonNode verified = World.ok(world.api.post(base + "/history/verify", admin, Map.of()));
        assertThat(verified.get("intact").asBoolean()).isTrue();
        JsonNode checkpoint = verified.get("checkpoint");
        assertThat(checkpoint.get("streams").asLong()).isEqualTo(2);
        try (var stream = EventStream.from(kafka.bootstrapServers(), "consent.checkpoints.v1")) {
            var published = stream.awaitUntil(all -> all.stream().anyMatch(r -> r.key().equals(tenant)), WAIT).stream()
                    .filter(r -> r.key().equals(tenant)).findFirst().orElseThrow().event();
            assertThat(published.getType()).isEqualTo("org.consentplatform.audit.checkpoint.v1");
            assertThat(HttpApi.JSON.readTree(published.getData().toBytes()).get("hash").asString())
                    .isEqualTo(checkpoint.get("hash").asString());
        }

        hideLastEntry(tenant, ids);

        JsonNode record = World.ok(world.api.post(base + "/history/record/verify", admin, Map.of("profileId", "p",
                "channel", "EMAIL", "address", "cut@example.com", "purposeId", "commercial")));
        assertThat(record.get("intact").asBoolean()).as("the chain alone looks whole once its state is rolled back too").isTrue();
        JsonNode tenantWide = World.ok(world.api.post(base + "/history/verify", admin, Map.of()));
        assertThat(tenantWide.get("intact").asBoolean()).isFalse();
        assertThat(tenantWide.get("breaches")).singleElement().satisfies(breach -> {
            assertThat(breach.get("address").asString()).isEqualTo("cut@example.com");
            assertThat(breach.get("breach").asString()).isEqualTo("ENTRY_MISSING");
            assertThat(breach.get("seq").asLong()).isEqualTo(3);
        });
    }

    /** Deletes a record's newest entry and rolls its current state back to the one before, as a careful forger would. */
    private void hideLastEntry(String tenant, List<String> ids) {
        MongoCollection<Document> changes = mongo.getDatabase("consent").getCollection("consent_changes");
        MongoCollection<Document> records = mongo.getDatabase("consent").getCollection("consent_records");
        Document second = changes.find(Filters.eq("_id", ids.get(1))).first();
        changes.deleteOne(Filters.eq("_id", ids.get(2)));
        records.updateOne(Filters.eq("_id", tenant + "|" + second.getString("recordKey")), Updates.combine(
                Updates.set("seq", 2L), Updates.set("headHash", second.getString("hash")), Updates.set("current", second.get("after"))));
    }

    private static List<String> idsOf(List<EventStream.Received> received) {
        return received.stream().filter(r -> r.event() != null).map(r -> r.event().getId()).toList();
    }

    private static List<String> distinct(List<String> ids) {
        return ids.stream().distinct().toList();
    }

    private JsonNode record(String address, String purpose) {
        JsonNode items = World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", "EMAIL", "address", address, "profileId", profile))).get("items");
        for (JsonNode item : items) {
            if (item.get("purposeId").asString().equals(purpose) && item.get("topicId").isNull()) {
                return item;
            }
        }
        return null;
    }

    private void awaitRecord(String address, String purpose, String state) {
        Awaitility.await("record " + purpose + " of " + address + " becomes " + state).atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> record(address, purpose), record -> record != null && record.get("state").asString().equals(state));
    }
}
