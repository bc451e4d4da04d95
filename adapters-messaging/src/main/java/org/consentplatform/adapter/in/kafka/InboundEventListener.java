package org.consentplatform.adapter.in.kafka;

import io.cloudevents.CloudEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.consentplatform.adapter.inbound.InboundCloudEvents;
import org.consentplatform.adapter.inbound.InboundCloudEvents.Inbound;
import org.consentplatform.adapter.inbound.UnprocessableEvent;
import org.consentplatform.adapter.kafka.EventTopics;
import org.consentplatform.application.port.in.RecordInboundEvents;
import org.consentplatform.domain.shared.DomainRejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Reads {@code consent.inbound.v1}: CloudEvents 1.0 in structured JSON mode, read by
 * {@link InboundCloudEvents}. A message that can never be applied raises
 * {@link UnprocessableEvent}; anything else (storage down) is retried.
 */
@Component
public class InboundEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEventListener.class);

    private final RecordInboundEvents events;
    private final ObservationRegistry observations;
    private final String topic;
    private final String group;

    public InboundEventListener(RecordInboundEvents events, EventTopics topics, InboundConsumer consumer,
                                ObservationRegistry observations) {
        this.events = events;
        this.observations = observations;
        this.topic = topics.inbound();
        this.group = consumer.inboundGroup();
    }

    /** Read by the listener annotation below ({@code __listener} is this bean). */
    public String getTopic() {
        return topic;
    }

    /** Read by the listener annotation below. */
    public String getGroup() {
        return group;
    }

    /**
     * Applies one event inside an observation that continues the sender's trace (the CloudEvents
     * distributed-tracing extension, {@code traceparent}): the changes it makes, and their events,
     * carry that trace.
     */
    @KafkaListener(id = "inbound-events", topics = "#{__listener.topic}",
            groupId = "#{__listener.group}")
    public void onMessage(byte[] message) {
        CloudEvent event = InboundCloudEvents.read(message);
        Inbound inbound = InboundCloudEvents.parse(event);
        var context = new ReceiverContext<CloudEvent>(InboundEventListener::extension);
        context.setCarrier(event);
        context.setRemoteServiceName(event.getSource().toString());
        Observation.createNotStarted("consent.inbound.event", () -> context, observations)
                .contextualName("inbound " + inbound.kind().toLowerCase(Locale.ROOT))
                .lowCardinalityKeyValue("kind", inbound.kind())
                .observe(() -> apply(inbound));
    }

    private void apply(Inbound inbound) {
        MDC.put("tenant", inbound.tenant().value());
        try {
            LOG.debug("Inbound event {} of {}: {}", inbound.id(), inbound.tenant(), inbound.applyTo(events));
        } catch (DomainRejection.ConcurrentChange e) {
            throw e; // transient: retried
        } catch (DomainRejection e) {
            throw new UnprocessableEvent("event " + inbound.id() + " cannot be applied: " + e.getMessage(), e);
        } finally {
            MDC.remove("tenant");
        }
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
