package org.consentplatform.acceptance.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.LinkedHashMap;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes topics of a real broker the way any other system around the platform would. */
public final class EventStream implements AutoCloseable {

    /** One record as read: its key, its CloudEvent (null when the value is not one), its headers. */
    public record Received(String key, CloudEvent event, byte[] value, Map<String, String> headers, int partition) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    private EventStream(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /** Reads the topic from its beginning. */
    public static EventStream from(String bootstrapServers, String topic) {
        return new EventStream(bootstrapServers, topic);
    }

    /** Polls until what was received so far satisfies the condition; everything received is returned. */
    public List<Received> awaitUntil(Predicate<List<Received>> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.test(received)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout + "; received " + received.size() + " record(s)");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                var headers = new java.util.HashMap<String, String>();
                record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                received.add(new Received(record.key(), parse(record.value()), record.value(), headers, record.partition()));
            }
        }
        return List.copyOf(received);
    }

    /** Whatever arrives within the given time. */
    public List<Received> readFor(Duration duration) {
        Instant end = Instant.now().plus(duration);
        return awaitUntil(all -> Instant.now().isAfter(end), duration.plusSeconds(5));
    }

    private static CloudEvent parse(byte[] value) {
        try {
            return EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Sends raw values to a topic and waits for the broker's acknowledgement. */
    public static void send(String bootstrapServers, String topic, String key, String... values) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** An event as a mail provider would send it: CloudEvents 1.0, structured JSON. */
    public static String inbound(String id, String kind, String tenant, String address, String profileId, String purposeId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("tenant", tenant);
        data.put("channel", "EMAIL");
        data.put("address", address);
        if (profileId != null) {
            data.put("profileId", profileId);
        }
        if (purposeId != null) {
            data.put("purposeId", purposeId);
        }
        return HttpApi.json(Map.of("specversion", "1.0", "id", id, "source", "/providers/test-mailer",
                "type", "org.consentplatform.inbound." + kind + ".v1", "time", "2026-11-20T10:00:00Z",
                "datacontenttype", "application/json", "data", data));
    }
}
