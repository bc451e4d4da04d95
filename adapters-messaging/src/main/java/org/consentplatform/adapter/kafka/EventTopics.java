package org.consentplatform.adapter.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;

/**
 * The topics of the platform, their names and defaults defined here only: what the publisher
 * writes to, what the inbound listener reads and where its dead letters go. Created at start-up
 * when missing (Boot's KafkaAdmin; a broker that is down then only delays that, the service
 * starts anyway).
 *
 * @param changes           where every change goes
 * @param checkpoints       where tenant checkpoints go
 * @param doubleOptIn       where doi.requested events go; for profiles with an external sender they carry confirmation
 *                          links, so restrict reading to that sender
 * @param erasures          where erasure events go (they carry the erased addresses): keep them as long as the
 *                          oldest backup a restore could bring back, and no longer
 * @param erasuresRetention how long the broker keeps erasure events (the topic's {@code retention.ms} when the service creates it)
 * @param inbound           what mail and SMS providers report
 * @param smsReplies        the texts the SMS provider sends back to people who texted a keyword (§14); they carry phone
 *                          numbers, so restrict reading to that provider
 * @param inboundDeadLetter where inbound messages that can never be applied go
 * @param partitions        partitions of the topics the service creates
 * @param replicationFactor replication of the topics the service creates; unset: the cluster's default
 */
@ConfigurationProperties("consent.kafka.topics")
public record EventTopics(@DefaultValue("consent.changes.v1") String changes, @DefaultValue("consent.checkpoints.v1") String checkpoints,
                          @DefaultValue("consent.doi.v1") String doubleOptIn, @DefaultValue("consent.erasures.v1") String erasures,
                          @DefaultValue("35d") Duration erasuresRetention, @DefaultValue("consent.inbound.v1") String inbound,
                          @DefaultValue("consent.inbound.v1.dlt") String inboundDeadLetter,
                          @DefaultValue("consent.sms-replies.v1") String smsReplies, @DefaultValue("6") int partitions,
                          Short replicationFactor) {

    public EventTopics {
        for (String topic : new String[]{changes, checkpoints, doubleOptIn, erasures, inbound, inboundDeadLetter, smsReplies}) {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("consent.kafka.topics.*: a topic name must not be empty");
            }
        }
        if (erasuresRetention.isNegative() || erasuresRetention.isZero()) {
            throw new IllegalArgumentException("consent.kafka.topics.erasures-retention must be positive");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("consent.kafka.topics.partitions must be at least 1");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({EventTopics.class, EventSchemas.class})
    public static class Declared {

        @Bean
        KafkaAdmin.NewTopics consentTopics(EventTopics topics) {
            return new KafkaAdmin.NewTopics(
                    topic(topics.changes(), topics.partitions(), topics),
                    topic(topics.checkpoints(), 1, topics),
                    topic(topics.doubleOptIn(), topics.partitions(), topics),
                    // keyed like the changes, so that a contact point's erasure follows its changes on every partition count
                    topic(TopicBuilder.name(topics.erasures()).partitions(topics.partitions())
                            .config("retention.ms", Long.toString(topics.erasuresRetention().toMillis())), topics),
                    topic(topics.inbound(), topics.partitions(), topics),
                    topic(topics.inboundDeadLetter(), 1, topics),
                    topic(topics.smsReplies(), topics.partitions(), topics));
        }

        private static NewTopic topic(String name, int partitions, EventTopics topics) {
            return topic(TopicBuilder.name(name).partitions(partitions), topics);
        }

        private static NewTopic topic(TopicBuilder builder, EventTopics topics) {
            return topics.replicationFactor() == null ? builder.build() : builder.replicas(topics.replicationFactor()).build();
        }
    }
}
