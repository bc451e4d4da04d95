package org.consentplatform.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
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
import org.consentplatform.application.port.in.RelayChanges;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Outbox relay throughput beside a plain KafkaProducer loop on the same broker, in the same
 * run, with the same records (keys and CloudEvent bytes the relay produced) and the same
 * delivery settings (idempotent, acks=all, linger 5 ms). The relay's figure includes reading
 * the change log and marking each change published in MongoDB.
 * The store's work of the relay (round trips, documents read and written: {@link StoreWork}) is
 * counted per batch; those counts carry over to a real cluster.
 * With {@code -Dinstances=2} it measures scale-out instead ({@link #scaleOut}): one instance
 * publishing the whole log beside two publishing their shares of it at once.
 * Run: {@code ./mvnw -pl acceptance-tests -am verify -Pbenchmark-relay -DskipTests}. Options:
 * {@code changes} (20000), {@code rounds} (3), {@code batch} (1000), {@code storage} (memory|file),
 * {@code instances} (1|2).
 * It prints figures; it asserts nothing about time.
 */
public final class RelayBenchmark {


    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int changes = Integer.getInteger("changes", 20_000);
        int rounds = Integer.getInteger("rounds", 3);
        int batch = Integer.getInteger("batch", 1000);
        if (Integer.getInteger("instances", 1) == 2) {
            scaleOut(changes, rounds, batch);
            return;
        }
        String storage = System.getProperty("storage", "memory");
        Path dataDir = Files.createTempDirectory("relay-benchmark");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ConsentApplication.class, StoreWork.Counting.class)
                .run("--server.port=0", "--consent.embedded.mongo.storage=" + storage, "--logging.level.root=WARN",
                        "--consent.embedded.mongo.file=" + dataDir.resolve("consent.mv"),
                        "--consent.keys.master-keyset-file=" + dataDir.resolve("master-keyset.json"),
                        "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=" + dataDir.resolve("kafka"), "--consent.embedded.mail.port=0",
                        "--consent.outbox.poll-interval=PT1H", "--consent.outbox.batch-size=" + batch,
                        "--spring.kafka.listener.auto-startup=false")) {
            String brokers = service.getBean(InProcessKafkaBroker.class).bootstrapServers();
            RelayChanges relay = service.getBean(RelayChanges.class);
            var changeLog = service.getBean(MongoClient.class).getDatabase("consent").getCollection("consent_changes");

            long seeding = System.nanoTime();
            seed(service, changes);
            System.out.printf("seeded %,d changes in %.1f s (%s storage)%n", changes, (System.nanoTime() - seeding) / 1e9, storage);
            // the relay runs on this thread here: its store work is what this thread asks
            String relayThread = Thread.currentThread().getName();
            StoreWork.INSTANCE.countOnly(relayThread::equals);

            drain(relay); // warm-up: also fills the topic the baseline copies
            List<ProducerRecord<String, byte[]>> sameRecords = copyOfTopic(brokers, changes);
            System.out.printf("%nevent size: %,d bytes on average%n", sameRecords.stream().mapToInt(r -> r.value().length).sum() / changes);
            System.out.printf("%-8s %18s %22s %8s %26s%n", "round", "relay (events/s)", "KafkaProducer (rec/s)", "ratio",
                    "store work per batch");
            for (int round = 1; round <= rounds; round++) {
                changeLog.updateMany(new Document(), new Document("$set", new Document("published", false).append("publishedAt", null)));
                long[] before = StoreWork.INSTANCE.snapshot();
                double relayRate = changes / seconds(() -> drain(relay));
                long[] work = StoreWork.INSTANCE.snapshot();
                double batches = Math.ceil(changes / (double) batch);
                double producerRate;
                try (var producer = producer(brokers)) {
                    String topic = "benchmark.baseline." + UUID.randomUUID();
                    produce(producer, topic, sameRecords.subList(0, 1)); // topic creation and metadata, outside the timing
                    producerRate = changes / seconds(() -> produce(producer, topic, sameRecords));
                }
                System.out.printf("%-8d %,18.0f %,22.0f %8.2f %8.2f trips, %,.0f read, %,.0f written%n", round, relayRate, producerRate,
                        relayRate / producerRate, (work[0] - before[0]) / batches, (work[1] - before[1]) / batches, (work[2] - before[2]) / batches);
            }
            System.out.printf("%nround trips of all %d drains (warm-up included), by command: %s%n", rounds + 1, StoreWork.INSTANCE.byCommand());
        }
    }

    /**
     * Two service instances on one MongoDB-wire server (the embedded default's, in this JVM) and
     * one Kafka broker, the log in two shares ({@code consent.outbox.partitions=2}). Each round
     * marks every change unpublished again and times the relay: first instance A alone (it takes
     * both shares), then A and B at once, each on a thread of its own (they deal the shares out:
     * one each). On two cores, where the server, the broker and both instances share the CPU, the
     * figure shows the shares working side by side, not a cluster's gain; the store's work per
     * batch is what carries over.
     */
    private static void scaleOut(int changes, int rounds, int batch) throws Exception {
        Path dataDir = Files.createTempDirectory("relay-scale-out");
        var mongo = new de.bwaldvogel.mongo.MongoServer(org.consentplatform.embedded.mongo.IndexedBackends.memory());
        String mongoUri = "mongodb://127.0.0.1:" + mongo.bind().getPort();
        int kafkaPort;
        try (var socket = new java.net.ServerSocket(0)) {
            kafkaPort = socket.getLocalPort();
        }
        var kafka = new InProcessKafkaBroker(kafkaPort, dataDir.resolve("kafka"));
        kafka.start();
        try (ConfigurableApplicationContext a = instance("a", mongoUri, kafka, batch, dataDir);
             ConfigurableApplicationContext b = instance("b", mongoUri, kafka, batch, dataDir)) {
            var changeLog = a.getBean(MongoClient.class).getDatabase("consent").getCollection("consent_changes");
            seed(a, changes);
            RelayChanges one = a.getBean(RelayChanges.class);
            RelayChanges other = b.getBean(RelayChanges.class);
            drainOn(List.of(one), changeLog); // warm-up
            StoreWork.INSTANCE.countOnly(name -> name.startsWith("relay-"));
            System.out.printf("%n%,d changes, 2 shares, batches of %,d%n%-8s %-16s %18s %26s%n", changes, batch, "round", "instances",
                    "relay (events/s)", "store work per batch");
            for (int round = 1; round <= rounds; round++) {
                for (List<RelayChanges> relays : List.of(List.of(one), List.of(one, other))) {
                    changeLog.updateMany(new Document(), new Document("$set", new Document("published", false).append("publishedAt", null)));
                    long[] before = StoreWork.INSTANCE.snapshot();
                    double rate = changes / seconds(() -> drainOn(relays, changeLog));
                    long[] work = StoreWork.INSTANCE.snapshot();
                    double batches = Math.ceil(changes / (double) batch);
                    System.out.printf("%-8d %-16s %,18.0f %8.2f trips, %,.0f read, %,.0f written%n", round,
                            relays.size() == 1 ? "one (A)" : "two (A and B)", rate, (work[0] - before[0]) / batches,
                            (work[1] - before[1]) / batches, (work[2] - before[2]) / batches);
                    Thread.sleep(2_500); // B's membership lapses (lease of 2 s) before A runs alone again
                }
            }
        } finally {
            kafka.stop();
            mongo.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext instance(String name, String mongoUri, InProcessKafkaBroker kafka, int batch, Path dataDir) {
        return new SpringApplicationBuilder(ConsentApplication.class, StoreWork.Counting.class).run("--server.port=0", "--logging.level.root=WARN",
                "--consent.embedded.mongo.enabled=false", "--spring.mongodb.uri=" + mongoUri, "--spring.mongodb.database=consent",
                "--consent.embedded.kafka.enabled=false", "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--consent.embedded.mail.port=0", "--consent.keys.master-keyset-file=" + dataDir.resolve("master-keyset.json"),
                "--consent.instance-id=" + name, "--consent.outbox.partitions=2", "--consent.outbox.lease-ttl=PT2S",
                "--consent.outbox.poll-interval=PT1H", "--consent.outbox.batch-size=" + batch,
                "--spring.kafka.listener.auto-startup=false");
    }

    /** Each relay on a thread of its own, until no change of the log is left unpublished (one read of the partial index). */
    private static void drainOn(List<RelayChanges> relays, MongoCollection<Document> changeLog) {
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < relays.size(); i++) {
            RelayChanges relay = relays.get(i);
            threads.add(Thread.ofPlatform().name("relay-" + i).start(() -> {
                while (!done.get()) {
                    if (relay.relayPending() == 0) {
                        LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // as the poll interval would
                    }
                }
            }));
        }
        while (changeLog.find(new Document("published", false)).projection(new Document("_id", 1)).first() != null) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        done.set(true);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Over HTTP, as a CRM sends them: batches of {@value CaptureConsent#MAX_BATCH} captures, each request one commit on the file store. */
    private static void seed(ConfigurableApplicationContext service, int changes) throws Exception {
        String base = "http://localhost:" + ((org.springframework.boot.web.server.context.WebServerApplicationContext) service)
                .getWebServer().getPort();
        String token = DecisionBenchmark.devToken(base, "demo-admin", "consent:admin consent:write");
        send(base, token, "/profiles", Map.of("id", "bench", "name", "Benchmark"));
        for (int from = 0; from < changes; from += CaptureConsent.MAX_BATCH) {
            var items = new ArrayList<Map<String, Object>>();
            for (int i = from; i < Math.min(changes, from + CaptureConsent.MAX_BATCH); i++) {
                items.add(Map.of("profileId", "bench", "channel", "EMAIL", "address", "person" + i + "@example.com",
                        "purposeId", "commercial", "state", i % 3 == 0 ? "OPTED_OUT" : "OPTED_IN", "capturedAt", "2026-11-01T00:00:00Z"));
            }
            send(base, token, "/consents/batch", Map.of("items", items));
        }
    }

    private static void send(String base, String token, String path, Object body) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/api/v1/tenants/acme" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** One run drains the backlog batch after batch; a second finds nothing left (its empty read is counted too). */
    private static void drain(RelayChanges relay) {
        while (relay.relayPending() > 0) {
            Thread.onSpinWait();
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
