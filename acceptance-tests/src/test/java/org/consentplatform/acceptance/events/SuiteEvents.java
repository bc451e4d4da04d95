package org.consentplatform.acceptance.events;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.consentplatform.adapter.kafka.EventTopics;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every event the suite's services published: when the suite ends, while their brokers
 * still run, it reads the platform's outgoing topics from the start and writes each event, one
 * per line, for {@code SuiteEventsCheck} to validate against the committed schemas.
 */
@AutoConfiguration
@ConditionalOnProperty(SuiteEvents.DIRECTORY)
public class SuiteEvents implements LauncherSessionListener {

    static final String DIRECTORY = "suite.events.dir";
    /** Brokers by bootstrap servers, with the topics their services publish to. */
    private static final Map<String, List<String>> BROKERS = new ConcurrentHashMap<>();

    @Bean
    Remembered rememberingTheBroker(ObjectProvider<InProcessKafkaBroker> broker, EventTopics topics) {
        return new Remembered(broker.getIfAvailable(), List.of(topics.changes(), topics.checkpoints(), topics.doubleOptIn(),
                topics.erasures(), topics.smsReplies()));
    }

    /**
     * A service's broker while its context runs. A test that stops its own service forgets its
     * broker with it: what a broker held can only be read while it runs.
     */
    record Remembered(InProcessKafkaBroker broker, List<String> topics) implements InitializingBean, DisposableBean {

        @Override
        public void afterPropertiesSet() {
            if (broker != null) {
                BROKERS.put(broker.bootstrapServers(), topics);
            }
        }

        @Override
        public void destroy() {
            if (broker != null) {
                BROKERS.remove(broker.bootstrapServers());
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String directory = System.getProperty(DIRECTORY);
        if (directory == null || BROKERS.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(directory));
            int broker = 0;
            for (var entry : BROKERS.entrySet()) {
                for (String topic : entry.getValue()) {
                    List<String> events = readAll(entry.getKey(), topic);
                    if (!events.isEmpty()) {
                        Files.write(Path.of(directory, topic + "-" + ProcessHandle.current().pid() + "-" + broker + ".ndjson"), events);
                    }
                }
                broker++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the suite's events cannot be written", e);
        }
    }

    private static List<String> readAll(String bootstrapServers, String topic) {
        var events = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<TopicPartition> open = ConcurrentHashMap.newKeySet();
            open.addAll(partitions.stream().filter(p -> ends.get(p) > 0).toList());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                open.removeIf(p -> consumer.position(p) >= ends.get(p));
            }
        }
        return events;
    }
}
