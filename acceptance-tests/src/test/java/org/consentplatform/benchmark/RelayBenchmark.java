package org.consentplatform.benchmark;

import com.mongodb.client.MongoClient;
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
import org.bson.Document;
import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.application.port.in.RelayChanges;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Outbox relay throughput beside a plain KafkaProducer loop on the same broker, in the same
 * run, with the same records (keys and CloudEvent bytes the relay produced) and the same
 * delivery settings (idempotent, acks=all, linger 5 ms). The relay's figure includes reading
 * the change log and marking each change published in MongoDB.
 * Run: {@code ./mvnw -pl acceptance-tests -am verify -Pbenchmark-relay -DskipTests}. Options:
 * {@code changes} (20000), {@code rounds} (3), {@code batch} (1000).
 * It prints figures; it asserts nothing about time.
 */
public final class RelayBenchmark {

    private static final TechnicalId BENCH = new TechnicalId("bench");
    private static final TechnicalId COMMERCIAL = new TechnicalId("commercial");

    private static final TenantId ACME = new TenantId("acme");

    public static void main(String[] args) throws Exception {
        int changes = Integer.getInteger("changes", 20_000);
        int rounds = Integer.getInteger("rounds", 3);
        int batch = Integer.getInteger("batch", 1000);
        Path dataDir = Files.createTempDirectory("relay-benchmark");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ConsentApplication.class)
                .run("--server.port=0", "--consent.embedded.mongo.storage=memory", "--logging.level.root=WARN",
                        "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=" + dataDir.resolve("kafka"), "--consent.embedded.mail.port=0",
                        "--consent.outbox.poll-interval=PT1H", "--consent.outbox.batch-size=" + batch,
                        "--spring.kafka.listener.auto-startup=false")) {
            String brokers = service.getBean(InProcessKafkaBroker.class).bootstrapServers();
            RelayChanges relay = service.getBean(RelayChanges.class);
            var changeLog = service.getBean(MongoClient.class).getDatabase("consent").getCollection("consent_changes");

            long seeding = System.nanoTime();
            seed(service, changes);
            System.out.printf("seeded %,d changes in %.1f s%n", changes, (System.nanoTime() - seeding) / 1e9);

            drain(relay); // warm-up: also fills the topic the baseline copies
            List<ProducerRecord<String, byte[]>> sameRecords = copyOfTopic(brokers, changes);
            System.out.printf("%nevent size: %,d bytes on average%n", sameRecords.stream().mapToInt(r -> r.value().length).sum() / changes);
            System.out.printf("%-8s %18s %22s %8s%n", "round", "relay (events/s)", "KafkaProducer (rec/s)", "ratio");
            for (int round = 1; round <= rounds; round++) {
                changeLog.updateMany(new Document(), new Document("$set", new Document("published", false).append("publishedAt", null)));
                double relayRate = changes / seconds(() -> drain(relay));
                double producerRate;
                try (var producer = producer(brokers)) {
                    String topic = "benchmark.baseline." + UUID.randomUUID();
                    produce(producer, topic, sameRecords.subList(0, 1)); // topic creation and metadata, outside the timing
                    producerRate = changes / seconds(() -> produce(producer, topic, sameRecords));
                }
                System.out.printf("%-8d %,18.0f %,22.0f %8.2f%n", round, relayRate, producerRate, relayRate / producerRate);
            }
        }
    }

    private static void seed(ConfigurableApplicationContext service, int changes) {
        service.getBean(ManageProfiles.class).create(ACME, new TechnicalId("bench"), new ProfileDefinition("Benchmark", null, null, null));
        CaptureConsent capture = service.getBean(CaptureConsent.class);
        var caller = new CaptureConsent.Caller(new Actor("benchmark"), null);
        for (int from = 0; from < changes; from += CaptureConsent.MAX_BATCH) {
            var commands = new ArrayList<CaptureConsent.CaptureCommand>();
            for (int i = from; i < Math.min(changes, from + CaptureConsent.MAX_BATCH); i++) {
                commands.add(new CaptureConsent.CaptureCommand(BENCH, new RawContactPoint(Channel.EMAIL, "person" + i + "@example.com"), COMMERCIAL, null,
                        i % 3 == 0 ? ConsentState.OPTED_OUT : ConsentState.OPTED_IN, Instant.parse("2026-11-01T00:00:00Z"), null, null, null));
            }
            capture.captureAll(ACME, commands, caller);
        }
    }

    private static void drain(RelayChanges relay) {
        while (relay.status().backlog() > 0) {
            relay.relayPending();
        }
    }

    private static List<ProducerRecord<String, byte[]>> copyOfTopic(String brokers, int count) {
        var records = new ArrayList<ProducerRecord<String, byte[]>>(count);
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of("consent.changes.v1"));
            while (records.size() < count) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new ProducerRecord<>("placeholder", record.key(), record.value()));
                }
            }
        }
        return records.subList(0, count);
    }

    private static KafkaProducer<String, byte[]> producer(String brokers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** The baseline: the same records, the same guarantees, nothing else. */
    private static void produce(KafkaProducer<String, byte[]> producer, String topic, List<ProducerRecord<String, byte[]>> records) {
        try {
            var acks = new ArrayList<Future<?>>(records.size());
            for (var record : records) {
                acks.add(producer.send(new ProducerRecord<>(topic, record.key(), record.value())));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
