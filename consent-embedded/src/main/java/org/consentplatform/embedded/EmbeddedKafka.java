package org.consentplatform.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts {@link InProcessKafkaBroker} and points Boot's Kafka clients at it: port 9092 and
 * ./data/kafka by default, so a standard console consumer or kcat finds it and events outlive
 * a restart. {@code consent.embedded.kafka.port=0} picks a free port, and an empty
 * {@code consent.embedded.kafka.dir} a temporary folder (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consent.embedded.kafka.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedKafka {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    @Bean(destroyMethod = "stop")
    InProcessKafkaBroker inProcessKafkaBroker(EmbeddedProperties embedded) {
        int port = embedded.kafka().port();
        var kafka = new InProcessKafkaBroker(port == 0 ? InProcessKafkaBroker.freePort() : port, folder(embedded.kafka().dir()));
        kafka.start();
        LOG.info("Embedded Kafka broker (KRaft) listening on {}", kafka.bootstrapServers());
        return kafka;
    }

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails(InProcessKafkaBroker kafka) {
        return () -> List.of(kafka.bootstrapServers());
    }

    private static Path folder(String dir) {
        if (!dir.isBlank()) {
            return Path.of(dir);
        }
        try {
            Path temporary = Files.createTempDirectory("embedded-kafka");
            temporary.toFile().deleteOnExit();
            return temporary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
