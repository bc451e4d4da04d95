package org.consentplatform.benchmark;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.consentplatform.acceptance.support.EventStream;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RecipientPages;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.domain.inbound.IntakeSignature;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * How soon an opt-out takes effect, per route a person can send one by (§14): the time from the
 * signal to the first decision that blocks, and to the change's event on {@code consent.changes.v1}
 * (p50 and p99), beside an API opt-out capture as the baseline of the same run. It also counts
 * the signals whose very next decision did not block: the target is none. Large mailbox
 * providers give two days to honour an unsubscribe; these figures are for docs/performance.md.
 * Run: {@code ./mvnw -pl acceptance-tests -am verify -Pbenchmark-unsubscribe -DskipTests}; option
 * {@code signals} (200 per route). It prints figures; it asserts nothing about time.
 */
public final class UnsubscribeSlaBenchmark {

    private static final String PROFILE = "sla";
    private static final Instant OPTED_IN_AT = Instant.parse("2026-11-01T00:00:00Z");
    private static final String SHORT_CODE = "36180";
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    /** Sends the opt-out signal for a contact point; returns when the route answered (or handed it to the broker). */
    private interface Signal {
        void send(String address) throws Exception;
    }

    /**
     * @param async whether the route answers before the platform applies it (a Kafka topic): its
     *              next decision may still send; a route that answered over HTTP may not
     */
    private record Route(String channel, String purpose, boolean async, Signal signal) {
    }

    public static void main(String[] args) throws Exception {
        int signals = Integer.getInteger("signals", 200);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ConsentApplication.class)
                .run("--server.port=0", "--consent.embedded.mongo.storage=memory", "--logging.level.root=WARN",
                        "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=", "--consent.embedded.mail.port=0")) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            String brokers = service.getBean(InProcessKafkaBroker.class).bootstrapServers();
            var world = new World(port);
            var partner = new LinkedHashMap<>(World.purpose("partners", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()));
            partner.put("partner", "Globex Retail");
            var profile = new LinkedHashMap<String, Object>();
            profile.put("id", PROFILE);
            profile.put("purposes", List.of(World.purpose("news", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE", "SMS", "RESTRICTIVE"),
                    List.of()), partner));
            profile.put("sms", Map.of("numbers", List.of(Map.of("number", SHORT_CODE, "language", "fr"))));
            World.ok(world.api.post(World.BASE + "/profiles", world.admin(), profile));
            String secret = World.ok(world.api.post(World.BASE + "/keys/intake-secret", world.admin(), Map.of())).get("secret").asString();
            var pages = new RecipientPages("en");

            Map<String, Route> routes = new LinkedHashMap<>();
            routes.put("API opt-out capture (baseline)", new Route("EMAIL", "news", false, address ->
                    world.capture(PROFILE, "EMAIL", address, "news", null, "OPTED_OUT", Instant.now())));
            routes.put("one-click unsubscribe (RFC 8058 POST)", new Route("EMAIL", "news", false, address -> {
                String link = world.recipientLinks(PROFILE, "EMAIL", address, null, "news").get("unsubscribeUrl").asString();
                pages.post(link, "List-Unsubscribe=One-Click");
            }));
            routes.put("preference center (form saved)", new Route("EMAIL", "news", false, address -> {
                String link = world.recipientLinks(PROFILE, "EMAIL", address, null, null).get("preferenceCenterUrl").asString();
                RecipientPages.Page page = pages.open(link);
                pages.submit(page, RecipientPages.boxes(page, Map.of("news", false)));
            }));
            routes.put("Global Privacy Control (page opened)", new Route("EMAIL", "partners", false, address -> {
                String link = world.recipientLinks(PROFILE, "EMAIL", address, null, null).get("preferenceCenterUrl").asString();
                pages.open(link, Map.of("Sec-GPC", "1"));
            }));
            routes.put("inbound event (Kafka unsubscribe)", new Route("EMAIL", "news", true, address -> EventStream.send(brokers,
                    "consent.inbound.v1", "acme", EventStream.inbound(UUID.randomUUID().toString(), "unsubscribe", "acme", address,
                            PROFILE, "news"))));
            routes.put("SMS keyword (ARRÊT on Kafka)", new Route("SMS", "news", true, number -> EventStream.send(brokers,
                    "consent.inbound.v1", number, text(number, "ARRÊT"))));
            routes.put("HTTP intake (signed SMS STOP)", new Route("SMS", "news", false, number -> {
                byte[] body = text(number, "STOP").getBytes(StandardCharsets.UTF_8);
                HttpApi.Response answer = world.api.callWithBytes("POST", "/inbound/v1/tenants/acme/events", null,
                        "application/cloudevents+json", body, Map.of("Consent-Signature", IntakeSignature.sign(secret, Instant.now(), body)));
                if (answer.status() != 200) {
                    throw new IllegalStateException("the intake answered " + answer.status() + ": " + answer.body());
                }
            }));

            System.out.printf("%-42s %10s %10s %10s %10s %12s%n", "route (" + signals + " signals each)", "block p50", "block p99",
                    "event p50", "event p99", "late blocks");
            try (var events = new KafkaConsumer<String, byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    ConsumerConfig.GROUP_ID_CONFIG, "sla-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
                events.subscribe(List.of("consent.changes.v1"));
                events.poll(Duration.ofSeconds(2)); // joined, at the end of the topic
                for (var route : routes.entrySet()) {
                    measure(route.getKey(), route.getValue(), signals, world, events);
                }
            }
        }
    }

    private static void measure(String name, Route route, int signals, World world, KafkaConsumer<String, byte[]> events) throws Exception {
        String purpose = route.purpose();
        var toBlock = new ArrayList<Long>();
        var toEvent = new ArrayList<Long>();
        int late = 0;
        for (int i = 0; i < signals; i++) {
            String address = route.channel().equals("SMS") ? "+33612" + (100_000 + NUMBERS.getAndIncrement())
                    : "sla-" + UUID.randomUUID() + "@example.com";
            // opted in before any signal's own time (an inbound event says when the provider saw it, and an older one is superseded)
            world.capture(PROFILE, route.channel(), address, purpose, null, "OPTED_IN", OPTED_IN_AT);
            drain(events, route.channel(), address, "OPTED_IN");
            long start = System.nanoTime();
            route.signal().send(address);
            boolean first = true;
            long deadline = start + Duration.ofSeconds(60).toNanos();
            while (world.decide(PROFILE, purpose, null, route.channel(), address, null).get("send").asBoolean()) {
                if (first) {
                    late += route.async() ? 0 : 1; // an HTTP route has answered: its next decision must block
                    first = false;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + ": " + address + " still sendable 60 s after its signal");
                }
                LockSupport.parkNanos(200_000);
            }
            toBlock.add(System.nanoTime() - start);
            drain(events, route.channel(), address, "OPTED_OUT");
            toEvent.add(System.nanoTime() - start);
        }
        System.out.printf("%-42s %8.1f ms %8.1f ms %8.1f ms %8.1f ms %12d%n", name, percentile(toBlock, 50), percentile(toBlock, 99),
                percentile(toEvent, 50), percentile(toEvent, 99), late);
    }

    /** Polls until the change event of that address in that state arrives. */
    private static void drain(KafkaConsumer<String, byte[]> events, String channel, String address, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : events.poll(Duration.ofMillis(20))) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                if (record.key().endsWith("|" + channel + "|" + address) && value.contains("\"after\":{\"state\":\"" + state + "\"")) {
                    return;
                }
            }
        }
        throw new IllegalStateException("no " + state + " event for " + address + " within 60 s");
    }

    /** A text to the profile's short code, as an SMS provider reports it. */
    private static String text(String from, String text) {
        return HttpApi.json(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/providers/sms-gateway",
                "type", "org.consentplatform.inbound.sms_received.v1", "time", Instant.now().toString(), "datacontenttype", "application/json",
                "data", Map.of("tenant", "acme", "from", from, "to", SHORT_CODE, "text", text)));
    }

    private static double percentile(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private UnsubscribeSlaBenchmark() {
    }
}
