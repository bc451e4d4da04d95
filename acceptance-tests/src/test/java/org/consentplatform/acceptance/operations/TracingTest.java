package org.consentplatform.acceptance.operations;

import io.cloudevents.CloudEvent;
import org.consentplatform.acceptance.support.EventStream;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces cross Kafka: the change event of a request, or of an inbound event, carries the trace
 * of what caused it in the CloudEvents distributed-tracing extension ({@code traceparent}), even
 * though the relay publishes it later, on its own thread.
 */
@RunningService
class TracingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;
    @Autowired
    private InProcessKafkaBroker kafka;
    private World world;
    private String profile;

    @BeforeEach
    void setUp() {
        world = new World(port);
        profile = World.unique("tracing");
        World.ok(world.createProfile(profile, List.of(World.purpose("news", "COMMERCIAL", Map.of(), List.of()))));
    }

    @Test
    void theEventOfAChangeCarriesTheTraceOfTheRequestThatMadeIt() {
        String traceId = randomHex(16);

        String traceparent = traceparentOfEvent(captureIn("00-" + traceId + "-" + randomHex(8) + "-01"));
        assertThat(traceparent).as("W3C trace context").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(traceparent.split("-")[1]).as("the trace id of the request").isEqualTo(traceId);
    }

    @Test
    void anUnsampledRequestsTraceIsPassedOnWithItsDecisionNotToSample() {
        String traceId = randomHex(16);

        String traceparent = traceparentOfEvent(captureIn("00-" + traceId + "-" + randomHex(8) + "-00"));
        assertThat(traceparent).startsWith("00-" + traceId + "-").endsWith("-00");
    }

    @Test
    void theEventOfAnInboundOptOutContinuesTheTraceOfTheInboundEvent() {
        String traceId = randomHex(16);
        String address = World.unique("traced-inbound") + "@example.com";
        world.capture(profile, "EMAIL", address, "news", null, "OPTED_IN", Instant.parse("2026-11-01T00:00:00Z"));
        ObjectNode inbound = (ObjectNode) HttpApi.JSON.readTree(
                EventStream.inbound(UUID.randomUUID().toString(), "unsubscribe", "acme", address, profile, "news"));
        inbound.put("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");

        EventStream.send(kafka.bootstrapServers(), "consent.inbound.v1", "acme", inbound.toString());

        try (var stream = EventStream.from(kafka.bootstrapServers(), "consent.changes.v1")) {
            CloudEvent optOut = stream.awaitUntil(all -> all.stream().anyMatch(r -> isOptOutOf(r, address)), WAIT).stream()
                    .filter(r -> isOptOutOf(r, address)).findFirst().orElseThrow().event();
            assertThat(String.valueOf(optOut.getExtension("traceparent")).split("-")[1]).as("the inbound event's trace id")
                    .isEqualTo(traceId);
        }
    }

    /** A capture sent in the trace that traceparent names. @return the id of its change */
    private String captureIn(String traceparent) {
        HttpApi.Response captured = world.api.call("POST", World.BASE + "/consents", world.marketing(), "application/json",
                HttpApi.json(World.capture(profile, "EMAIL", World.unique("traced") + "@example.com", "news", null, "OPTED_IN",
                        Instant.parse("2026-11-01T00:00:00Z"), null)), Map.of("traceparent", traceparent));
        return World.ok(captured).get("id").asString();
    }

    private String traceparentOfEvent(String changeId) {
        try (var stream = EventStream.from(kafka.bootstrapServers(), "consent.changes.v1")) {
            EventStream.Received received = stream.awaitUntil(all -> all.stream().anyMatch(r -> isEvent(r, changeId)), WAIT).stream()
                    .filter(r -> isEvent(r, changeId)).findFirst().orElseThrow();
            assertThat(received.header("traceparent")).as("also as the Kafka header tracing instrumentations read")
                    .isEqualTo(String.valueOf(received.event().getExtension("traceparent")));
            return String.valueOf(received.event().getExtension("traceparent"));
        }
    }

    private static boolean isEvent(EventStream.Received received, String changeId) {
        return received.event() != null && received.event().getId().equals(changeId);
    }

    private static boolean isOptOutOf(EventStream.Received received, String address) {
        return received.event() != null && received.key().endsWith("|EMAIL|" + address)
                && new String(received.event().getData().toBytes()).contains("\"source\":\"INBOUND_EVENT\"");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C forbids
        return HexFormat.of().formatHex(random);
    }
}
