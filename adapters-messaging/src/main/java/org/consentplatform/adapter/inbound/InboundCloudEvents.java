package org.consentplatform.adapter.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.consentplatform.application.port.in.RecordInboundEvents;
import org.consentplatform.application.port.in.RecordInboundEvents.InboundCommand;
import org.consentplatform.application.port.in.RecordInboundEvents.SmsCommand;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.inbound.InboundEvent;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.io.IOException;
import java.time.Instant;

/**
 * What providers report, as CloudEvents 1.0 whose type is
 * {@code org.consentplatform.inbound.<kind>.v1}: kind unsubscribe, hard_bounce or
 * spam_complaint, whose data names the tenant and the contact point; or sms_received, whose data
 * names the tenant, the sender's number, the tenant's number and the text. One reading for every
 * way they arrive (Kafka, the HTTP intake), so a provider can switch without a change of meaning.
 */
public final class InboundCloudEvents {

    public static final String TYPE_PREFIX = "org.consentplatform.inbound.";
    public static final String TYPE_SUFFIX = ".v1";
    public static final String SMS_RECEIVED = "sms_received";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InboundCloudEvents() {
    }

    /** An inbound event, parsed: a provider's report or a text to a tenant number. */
    public sealed interface Inbound {
        String id();

        TenantId tenant();

        /** The observation's kind tag: UNSUBSCRIBE, HARD_BOUNCE, SPAM_COMPLAINT or SMS_RECEIVED. */
        String kind();

        Applied applyTo(RecordInboundEvents events);
    }

    /**
     * What applying an event did.
     *
     * @param keyword for a text, the keyword it was (null: none); null for a report
     */
    public record Applied(String id, String kind, boolean duplicate, int changes, String keyword) {
    }

    public record Report(InboundCommand command) implements Inbound {
        public String id() {
            return command.id();
        }

        public TenantId tenant() {
            return command.tenant();
        }

        public String kind() {
            return command.kind().name();
        }

        public Applied applyTo(RecordInboundEvents events) {
            var outcome = events.record(command);
            return new Applied(id(), kind(), outcome.duplicate(), outcome.optOuts(), null);
        }
    }

    public record Text(SmsCommand command) implements Inbound {
        public String id() {
            return command.id();
        }

        public TenantId tenant() {
            return command.tenant();
        }

        public String kind() {
            return "SMS_RECEIVED";
        }

        public Applied applyTo(RecordInboundEvents events) {
            var outcome = events.record(command);
            return new Applied(id(), kind(), outcome.duplicate(), outcome.changes(),
                    outcome.keyword() == null ? null : outcome.keyword().name());
        }
    }

    /** A structured-mode event (the whole CloudEvent as JSON), as Kafka carries it and as HTTP may. */
    public static Inbound parse(byte[] message) {
        return parse(read(message));
    }

    public static CloudEvent read(byte[] message) {
        if (message == null || message.length == 0) {
            throw new UnprocessableEvent("empty message", null);
        }
        try {
            return EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(message);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new UnprocessableEvent("not a CloudEvents 1.0 structured JSON event: " + e.getMessage(), e);
        }
    }

    public static Inbound parse(CloudEvent event) {
        String type = event.getType();
        if (!type.startsWith(TYPE_PREFIX) || !type.endsWith(TYPE_SUFFIX)) {
            throw new UnprocessableEvent("unknown event type '" + type + "'", null);
        }
        if (event.getData() == null) {
            throw new UnprocessableEvent("event " + event.getId() + " has no data", null);
        }
        JsonNode data;
        try {
            data = JSON.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new UnprocessableEvent("event " + event.getId() + " data is not JSON", e);
        }
        if (data == null || !data.isObject()) {
            throw new UnprocessableEvent("event " + event.getId() + " data must be a JSON object", null);
        }
        String kind = type.substring(TYPE_PREFIX.length(), type.length() - TYPE_SUFFIX.length());
        var input = new InputCheck();
        TenantId tenant = input.attempt(() -> new TenantId(InvalidInputs.requiredText("tenant", text(data, "tenant"), 64)));
        Instant occurredAt = event.getTime() == null ? null : event.getTime().toInstant();
        if (SMS_RECEIVED.equals(kind)) {
            String from = input.attempt(() -> InvalidInputs.requiredText("from", text(data, "from"), 64));
            String to = input.attempt(() -> InvalidInputs.requiredText("to", text(data, "to"), 32));
            String body = input.attempt(() -> InvalidInputs.optionalText("text", text(data, "text"), 1600));
            verify(input, event);
            return new Text(new SmsCommand(event.getId(), tenant, from, to, body, occurredAt, event.getSource().toString()));
        }
        InboundEvent.Kind parsedKind = input.attempt(() -> InboundEvent.Kind.parse(kind));
        RawContactPoint contactPoint = input.attempt(() -> RawContactPoint.parse(text(data, "channel"), text(data, "address")));
        TechnicalId profileId = input.optionalId("profileId", text(data, "profileId"));
        TechnicalId purposeId = input.optionalId("purposeId", text(data, "purposeId"));
        TechnicalId topicId = input.optionalId("topicId", text(data, "topicId"));
        verify(input, event);
        return new Report(new InboundCommand(event.getId(), tenant, parsedKind, contactPoint, profileId, purposeId, topicId,
                occurredAt, event.getSource().toString()));
    }

    private static void verify(InputCheck input, CloudEvent event) {
        try {
            input.verify();
        } catch (DomainRejection.InvalidInput e) {
            throw new UnprocessableEvent("event " + event.getId() + " cannot be applied: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new UnprocessableEvent("data." + field + " must be a string", null);
        }
        return value.asText();
    }
}
