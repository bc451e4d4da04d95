package org.consentplatform.adapter.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.consentplatform.adapter.inbound.UnprocessableEvent;
import org.consentplatform.adapter.kafka.EventTopics;
import org.consentplatform.domain.shared.DomainRejection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Poison messages go to the dead-letter topic at once, with the reason in the
 * {@code kafka_dlt-exception-*} headers; consumption goes on with the next message. Any other
 * failure (storage unavailable) is retried with back-off, without end, so nothing is lost.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboundConsumer.class)
public class InboundKafkaConfiguration {

    /** Told of each inbound message sent to the dead-letter topic, with the kind of failure (the service's meters count them). */
    @FunctionalInterface
    public interface DeadLetters {
        void sent(Throwable failure);
    }

    @Bean
    CommonErrorHandler inboundErrorHandler(KafkaOperations<?, ?> template, EventTopics topics, ObjectProvider<DeadLetters> deadLetters) {
        String deadLetterTopic = topics.inboundDeadLetter();
        var recoverer = new DeadLetterPublishingRecoverer(template, (record, e) -> new TopicPartition(deadLetterTopic, -1));
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnprocessableEvent.class, DomainRejection.InvalidInput.class,
                DomainRejection.NotFound.class, DomainRejection.RuleViolation.class);
        deadLetters.ifAvailable(told -> handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
                told.sent(ex);
            }
        }));
        return handler;
    }
}
