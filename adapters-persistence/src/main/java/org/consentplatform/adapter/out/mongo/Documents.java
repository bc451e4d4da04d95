package org.consentplatform.adapter.out.mongo;

import org.bson.Document;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Rejection;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.Date;

/** Mapping of the consent value objects to BSON and back; stored documents are rebuilt through domain factories. */
final class Documents {

    private Documents() {
    }

    static Document recordKey(RecordKey key) {
        return new Document("profileId", key.profileId().value())
                .append("channel", key.contactPoint().channel().toString())
                .append("address", key.contactPoint().address())
                .append("purposeId", key.purposeId().value())
                .append("topicId", key.topicId() == null ? null : key.topicId().value());
    }

    static RecordKey recordKey(Document doc) {
        String topic = doc.getString("topicId");
        return new RecordKey(new TechnicalId(doc.getString("profileId")),
                new ContactPoint(new Channel(new TechnicalId(doc.getString("channel"))), doc.getString("address")),
                new TechnicalId(doc.getString("purposeId")), topic == null ? null : new TechnicalId(topic));
    }

    static Document evidence(Evidence evidence) {
        return new Document("wordingVersion", evidence.wordingVersion())
                .append("formId", evidence.formId())
                .append("clientAddress", evidence.clientAddress())
                .append("userAgent", evidence.userAgent())
                .append("guardian", evidence.guardian())
                .append("reason", evidence.reason());
    }

    static Evidence evidence(Document doc) {
        return doc == null ? Evidence.NONE : new Evidence(doc.getString("wordingVersion"), doc.getString("formId"),
                doc.getString("clientAddress"), doc.getString("userAgent"), doc.getString("guardian"),
                doc.getString("reason"));
    }

    static Document state(RecordState state) {
        return state == null ? null : new Document("state", state.state() == null ? null : state.state().name())
                .append("capturedAt", Date.from(state.capturedAt()))
                .append("source", state.source().name())
                .append("evidence", evidence(state.evidence()));
    }

    static RecordState state(Document doc) {
        return doc == null ? null : new RecordState(doc.getString("state") == null ? null : ConsentState.valueOf(doc.getString("state")),
                doc.getDate("capturedAt").toInstant(), Source.valueOf(doc.getString("source")),
                evidence(doc.get("evidence", Document.class)));
    }

    static Document change(ConsentChange change) {
        return new Document("_id", change.id())
                .append("tenant", change.tenant().value())
                .append("recordKey", change.key().value())
                .append("seq", change.seq())
                .append("contactPoint", change.key().contactPoint().key())
                .append("key", recordKey(change.key()))
                .append("outcome", change.outcome().name())
                .append("rejection", change.rejection() == null ? null
                        : new Document("rule", change.rejection().rule()).append("reason", change.rejection().reason()))
                .append("requestedState", change.requestedState() == null ? null : change.requestedState().name())
                .append("before", state(change.before()))
                .append("after", state(change.after()))
                .append("capturedAt", Date.from(change.capturedAt()))
                .append("recordedAt", Date.from(change.recordedAt()))
                .append("source", change.source().name())
                .append("actor", change.actor().id())
                .append("actorClient", change.actor().client())
                .append("evidence", evidence(change.evidence()))
                .append("correlationId", change.correlationId())
                .append("previousHash", change.previousHash())
                .append("hash", change.hash())
                .append("projected", false)
                .append("published", false)
                .append("counted", false)
                .append("publishedAt", null);
    }

    static ConsentChange change(Document doc) {
        return new ConsentChange(doc.getString("_id"), new TenantId(doc.getString("tenant")),
                recordKey(doc.get("key", Document.class)), doc.getLong("seq"), ChangeOutcome.valueOf(doc.getString("outcome")),
                rejection(doc.get("rejection", Document.class)),
                doc.getString("requestedState") == null ? null : ConsentState.valueOf(doc.getString("requestedState")),
                state(doc.get("before", Document.class)), state(doc.get("after", Document.class)),
                doc.getDate("capturedAt").toInstant(), doc.getDate("recordedAt").toInstant(),
                Source.valueOf(doc.getString("source")), new Actor(doc.getString("actor"), doc.getString("actorClient")),
                evidence(doc.get("evidence", Document.class)), doc.getString("correlationId"),
                doc.getString("previousHash"), doc.getString("hash"));
    }

    private static Rejection rejection(Document doc) {
        return doc == null ? null : new Rejection(doc.getString("rule"), doc.getString("reason"));
    }
}
