package org.consentplatform.adapter.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics of the platform, their names and defaults defined here only: what the publisher
 * writes to, what the inbound listener reads and where its dead letters go. Created at start-up when missing (Boot's KafkaAdmin; a broker
 * that is down then only delays that, the service starts anyway). Replication follows the
 * cluster's default unless set.
 */
@ConfigurationProperties("consent.kafka.topics")
public record EventTopics(String changes, String checkpoints, String doubleOptIn, String inbound, String inboundDeadLetter, int partitions,
                   Short replicationFactor) {

    public EventTopics {
        changes = changes == null ? "consent.changes.v1" : changes;
        checkpoints = checkpoints == null ? "consent.checkpoints.v1" : checkpoints;
        doubleOptIn = doubleOptIn == null ? "consent.doi.v1" : doubleOptIn;
        inbound = inbound == null ? "consent.inbound.v1" : inbound;
        inboundDeadLetter = inboundDeadLetter == null ? "consent.inbound.v1.dlt" : inboundDeadLetter;
        partitions = partitions <= 0 ? 6 : partitions;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EventTopics.class)
    public static class Declared {

        @Bean
        KafkaAdmin.NewTopics consentTopics(EventTopics topics) {
            return new KafkaAdmin.NewTopics(
                    topic(topics.changes(), topics.partitions(), topics),
                    topic(topics.checkpoints(), 1, topics),
                    topic(topics.doubleOptIn(), topics.partitions(), topics),
                    topic(topics.inbound(), topics.partitions(), topics),
                    topic(topics.inboundDeadLetter(), 1, topics));
        }

        private static NewTopic topic(String name, int partitions, EventTopics topics) {
            TopicBuilder builder = TopicBuilder.name(name).partitions(partitions);
            return topics.replicationFactor() == null ? builder.build() : builder.replicas(topics.replicationFactor()).build();
        }
    }
}
