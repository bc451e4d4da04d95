package org.consentplatform.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.consentplatform.adapter.kafka.EventSchemas;
import org.consentplatform.application.port.EventStreamUnavailable;
import org.consentplatform.application.port.out.ChangeOutbox;
import org.consentplatform.application.port.out.EventPublisher;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.sms.SmsReceived;
import org.consentplatform.domain.consent.TenantCheckpoint;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.SendResult;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CloudEvents 1.0 in structured JSON mode, through an idempotent producer with {@code acks=all}.
 * A change's record key is {@code tenant|channel|address}, so every change of a contact point
 * lands on one partition, in order. After a failed send the producer is replaced, so a broker
 * that comes back (even as a new cluster) is written to by a fresh producer session. Sending
 * stops at the first send that fails at once (broker unreachable); the rest count as not
 * acknowledged and are sent again by the next run.
 */
public final class KafkaEventPublisher implements EventPublisher, AutoCloseable {

    public static final String CHANGE_TYPE = "org.consentplatform.consent.changed.v1";
    public static final String CHECKPOINT_TYPE = "org.consentplatform.audit.checkpoint.v1";
    public static final String DOI_REQUESTED_TYPE = "org.consentplatform.doi.requested.v1";
    public static final String ERASED_TYPE = "org.consentplatform.privacy.erased.v1";
    public static final String SMS_REPLY_TYPE = "org.consentplatform.sms.reply.v1";
    /** The CloudEvents distributed-tracing extension, and the Kafka header of the same name. */
    public static final String TRACEPARENT = "traceparent";

    /** Where events go. */
    public record Topics(String changes, String checkpoints, String doubleOptIn, String erasures, String smsReplies) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private final DefaultKafkaProducerFactory<String, CloudEvent> producers;
    private final KafkaTemplate<String, CloudEvent> template;
    private final Topics topics;
    private final EventSchemas schemas;
    private final Duration ackTimeout;
    /** Set after a failed send: the next publish starts with a fresh producer session. */
    private final AtomicBoolean failed = new AtomicBoolean();
    /** Sends doi.requested events, one at a time, with a bounded backlog. */
    private final ExecutorService announcer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), Thread.ofPlatform().name("doi-events").daemon().factory());

    /**
     * @param connection the client settings of the cluster (bootstrap servers, security); the
     *                   serializers and delivery guarantees are this publisher's own
     */
    public KafkaEventPublisher(Map<String, Object> connection, Topics topics, EventSchemas schemas, Duration ackTimeout) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        config.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED.name());
        config.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        // a broker that is down fails a run within the acknowledgement timeout; the next run retries
        int timeout = (int) Math.min(ackTimeout.toMillis(), Integer.MAX_VALUE);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) timeout);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + 5);
        this.producers = new DefaultKafkaProducerFactory<>(config);
        this.template = new KafkaTemplate<>(producers);
        var failures = new LoggingProducerListener<String, CloudEvent>();
        failures.setIncludeContents(false); // a failed send is logged without its key and payload: both carry the address
        this.template.setProducerListener(failures);
        this.topics = topics;
        this.schemas = schemas;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public CompletableFuture<Outcome> publish(List<ChangeOutbox.Entry> changes) {
        if (failed.getAndSet(false)) {
            producers.reset(); // here, on the caller's thread: never from a producer callback
        }
        var sent = new LinkedHashMap<String, CompletableFuture<SendResult<String, CloudEvent>>>();
        String refused = null;
        try {
            for (ChangeOutbox.Entry entry : changes) {
                ConsentChange change = entry.change();
                String key = partitionKey(change);
                var record = new ProducerRecord<>(topics.changes(), key, changeEvent(change, key, entry.traceparent()));
                if (entry.traceparent() != null) {
                    // also as the plain header Kafka's tracing instrumentations read
                    record.headers().add(TRACEPARENT, entry.traceparent().getBytes(StandardCharsets.US_ASCII));
                }
                var ack = template.send(record);
                sent.put(change.id(), ack);
                if (ack.isCompletedExceptionally()) {
                    break; // the broker is unreachable: each further send would block for max.block.ms again
                }
            }
        } catch (RuntimeException e) {
            refused = "send refused: " + e.getMessage();
        }
        String sendFailure = refused;
        var acks = sent.values().stream()
                .map(ack -> ack.orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((result, error) -> error))
                .toList();
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).thenApply(all -> {
            var acknowledged = new ArrayList<String>(sent.size());
            String failure = sendFailure;
            var ids = sent.keySet().iterator();
            for (var ack : acks) {
                String id = ids.next();
                Throwable error = ack.join();
                if (error == null) {
                    acknowledged.add(id);
                } else if (failure == null) {
                    failure = "not acknowledged: " + rootMessage(error);
                }
            }
            if (failure != null) {
                failed.set(true);
            }
            return new Outcome(Set.copyOf(acknowledged), failure);
        });
    }

    @Override
    public CompletableFuture<Void> publish(ConfirmationRequested requested) {
        var contactPoint = requested.key().contactPoint();
        String key = partitionKey(requested.tenant(), contactPoint);
        var mail = requested.mail();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", requested.requestId());
        data.put("tenant", requested.tenant().value());
        data.put("profileId", requested.key().profileId().value());
        data.put("channel", contactPoint.channel().toString());
        data.put("address", contactPoint.address());
        data.put("purposeId", requested.key().purposeId().value());
        data.put("topicId", requested.key().topicId() == null ? null : requested.key().topicId().value());
        data.put("pendingSeq", requested.pendingSeq());
        data.put("requestedAt", requested.requestedAt().toString());
        data.put("expiresAt", mail.expiresAt().toString());
        data.put("language", mail.language());
        data.put("senderAddress", mail.senderAddress());
        data.put("senderName", mail.senderName());
        data.put("brand", mail.brand());
        data.put("companyAddress", mail.companyAddress());
        data.put("purpose", mail.purpose());
        data.put("topic", mail.topic());
        data.put("confirmationUrl", mail.link());
        data.values().removeIf(Objects::isNull);
        CloudEvent event = CloudEventBuilder.v1()
                .withId("doi/" + requested.requestId())
                .withSource(source(requested.tenant().value()))
                .withType(DOI_REQUESTED_TYPE)
                .withDataSchema(schemas.of(DOI_REQUESTED_TYPE))
                .withSubject(requested.key().value())
                .withTime(utc(requested.requestedAt()))
                .withDataContentType("application/json")
                .withExtension("partitionkey", key)
                .withData(json(data))
                .build();
        // off the caller's thread: a capture must not wait for a broker that is away (send blocks for metadata)
        try {
            return CompletableFuture.supplyAsync(() -> template.send(new ProducerRecord<>(topics.doubleOptIn(), key, event)), announcer)
                    .thenCompose(ack -> ack.orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS))
                    .thenApply(result -> (Void) null);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("too many doi.requested events waiting for the broker", e));
        }
    }

    @Override
    public void publish(TenantCheckpoint checkpoint) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(checkpoint.tenant().value() + "/checkpoint/" + checkpoint.number())
                .withSource(source(checkpoint.tenant().value()))
                .withType(CHECKPOINT_TYPE)
                .withDataSchema(schemas.of(CHECKPOINT_TYPE))
                .withSubject(Long.toString(checkpoint.number()))
                .withTime(utc(checkpoint.takenAt()))
                .withDataContentType("application/json")
                .withData(json(Map.of("tenant", checkpoint.tenant().value(), "number", checkpoint.number(),
                        "takenAt", checkpoint.takenAt().toString(), "streams", checkpoint.streams(),
                        "headsDigest", checkpoint.headsDigest(), "previousHash", checkpoint.previousHash(),
                        "hash", checkpoint.hash())))
                .build();
        try {
            template.send(new ProducerRecord<>(topics.checkpoints(), checkpoint.tenant().value(), event))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            producers.reset();
            throw new IllegalStateException("checkpoint " + checkpoint.number() + " of " + checkpoint.tenant()
                    + " not acknowledged: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An {@code sms.reply}, keyed like the sender's changes, so that it follows them on its partition. */
    @Override
    public void reply(SmsReceived.Reply reply) {
        if (failed.getAndSet(false)) {
            producers.reset();
        }
        String key = partitionKey(reply.tenant(), reply.to());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenant", reply.tenant().value());
        data.put("inReplyTo", reply.inReplyTo());
        data.put("from", reply.from());
        data.put("to", reply.to().address());
        data.put("language", reply.language());
        data.put("keyword", reply.keyword().name());
        data.put("text", reply.text());
        CloudEvent event = CloudEventBuilder.v1()
                .withId(reply.id())
                .withSource(source(reply.tenant().value()))
                .withType(SMS_REPLY_TYPE)
                .withDataSchema(schemas.of(SMS_REPLY_TYPE))
                .withSubject(reply.inReplyTo())
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("partitionkey", key)
                .withData(json(data))
                .build();
        try {
            template.send(new ProducerRecord<>(topics.smsReplies(), key, event)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failed.set(true);
            throw new EventStreamUnavailable("SMS reply not acknowledged: " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStreamUnavailable("interrupted");
        }
    }

    @Override
    public void announce(List<Erased> erasures) {
        if (erasures.isEmpty()) {
            return;
        }
        if (failed.getAndSet(false)) {
            producers.reset();
        }
        var acks = new ArrayList<CompletableFuture<SendResult<String, CloudEvent>>>(erasures.size());
        try {
            for (int i = 0; i < erasures.size(); i++) {
                Erased erased = erasures.get(i);
                String key = partitionKey(erased.tenant(), erased.contactPoint());
                acks.add(template.send(new ProducerRecord<>(topics.erasures(), key, erasedEvent(erased, i, key))));
            }
            for (var ack : acks) {
                ack.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failed.set(true);
            throw new EventStreamUnavailable("erasure events not acknowledged: " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStreamUnavailable("interrupted");
        }
    }

    /** An {@code erased} event: downstream systems erase the address too. Its id and subject never name the address. */
    private CloudEvent erasedEvent(Erased erased, int index, String partitionKey) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("erasureId", erased.erasureId());
        data.put("tenant", erased.tenant().value());
        data.put("channel", erased.contactPoint().channel().toString());
        data.put("address", erased.contactPoint().address());
        data.put("erasedAt", erased.erasedAt().toString());
        data.put("legalReference", erased.legalReference());
        data.values().removeIf(Objects::isNull);
        return CloudEventBuilder.v1()
                .withId("erasure/" + erased.erasureId() + "/" + index)
                .withSource(source(erased.tenant().value()))
                .withType(ERASED_TYPE)
                .withDataSchema(schemas.of(ERASED_TYPE))
                .withSubject(erased.erasureId())
                .withTime(utc(erased.erasedAt()))
                .withDataContentType("application/json")
                .withExtension("partitionkey", partitionKey)
                .withData(json(data))
                .build();
    }

    /** The Kafka record key of every change of a contact point. */
    static String partitionKey(ConsentChange change) {
        return partitionKey(change.tenant(), change.key().contactPoint());
    }

    /**
     * Every event about a contact point lands on one partition, in order: {@code tenant|channel|address}.
     * A contact point whose address is gone (erased) is keyed by its pseudonym, {@code tenant|channel||pseudonym}.
     */
    private static String partitionKey(TenantId tenant, ContactPoint contactPoint) {
        return tenant.value() + "|" + contactPoint.key();
    }

    /** @param traceparent the trace context of the work that made the change (CloudEvents distributed tracing extension), or null */
    private CloudEvent changeEvent(ConsentChange change, String partitionKey, String traceparent) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(change.id())
                .withSource(source(change.tenant().value()))
                .withType(CHANGE_TYPE)
                .withDataSchema(schemas.of(CHANGE_TYPE))
                .withSubject(change.key().value())
                .withTime(utc(change.recordedAt()))
                .withDataContentType("application/json")
                .withExtension("partitionkey", partitionKey)
                .withExtension("sequence", Long.toString(change.seq()))
                .withData(json(ChangeEventData.of(change)));
        return (traceparent == null ? event : event.withExtension(TRACEPARENT, traceparent)).build();
    }

    private static URI source(String tenant) {
        return URI.create("/consent-platform/tenants/" + tenant);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static byte[] json(Object data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data is plain records and strings", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void close() {
        announcer.shutdown();
        producers.destroy();
    }
}
