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
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mapping of the consent value objects to BSON and back; stored documents are rebuilt through domain factories. */
final class Documents {

    private Documents() {
    }

    /** A record's key as stored: its contact point by pseudonym and ciphertext, never by address. */
    static Document recordKey(RecordKey key, SealedAddress sealed) {
        return new Document("profileId", key.profileId().value())
                .append("channel", key.contactPoint().channel().toString())
                .append("pseudonym", sealed.pseudonym())
                .append("ciphertext", sealed.ciphertext())
                .append("purposeId", key.purposeId().value())
                .append("topicId", key.topicId() == null ? null : key.topicId().value());
    }

    /** A key as a checkpoint's heads hold it: by pseudonym. */
    static Document withheldKey(RecordKey withheld) {
        return new Document("profileId", withheld.profileId().value())
                .append("channel", withheld.contactPoint().channel().toString())
                .append("pseudonym", withheld.contactPoint().pseudonym())
                .append("purposeId", withheld.purposeId().value())
                .append("topicId", withheld.topicId() == null ? null : withheld.topicId().value());
    }

    /** The stored key, its contact point withheld; a key written before pseudonyms (version 1) holds its address. */
    static RecordKey recordKey(Document doc) {
        String topic = doc.getString("topicId");
        var channel = new Channel(new TechnicalId(doc.getString("channel")));
        ContactPoint contactPoint = doc.containsKey("pseudonym") ? ContactPoint.withheld(channel, doc.getString("pseudonym"))
                : new ContactPoint(channel, doc.getString("address"));
        return new RecordKey(new TechnicalId(doc.getString("profileId")), contactPoint,
                new TechnicalId(doc.getString("purposeId")), topic == null ? null : new TechnicalId(topic));
    }

    /** Null for a key written before pseudonyms. */
    static SealedAddress sealed(Document key) {
        return key.containsKey("pseudonym") ? new SealedAddress(key.getString("pseudonym"), key.getString("ciphertext")) : null;
    }

    /** The record's key as the store files it under its tenant: {@code profile|channel||pseudonym|purpose|topic}. */
    static String storedKey(RecordKey key, SealedAddress sealed) {
        return key.withheld(sealed.pseudonym()).value();
    }

    /** The same entry with its key as the caller knows it (the address known or read back): its hash does not change. */
    static ConsentChange withKey(ConsentChange change, RecordKey key) {
        return new ConsentChange(change.id(), change.tenant(), key, change.sealed(), change.seq(), change.outcome(),
                change.rejection(), change.requestedState(), change.before(), change.after(), change.capturedAt(),
                change.recordedAt(), change.source(), change.actor(), change.evidence(), change.correlationId(),
                change.previousHash(), change.hash());
    }

    /**
     * The entries with their addresses decrypted from the ciphertexts they carry, where those
     * still open (their data keys exist), in one read per tenant; the others stay withheld.
     * Entries written before pseudonyms hold their addresses already.
     */
    static List<ConsentChange> opened(ContactPointKeys keys, List<ConsentChange> changes) {
        Map<TenantId, Set<SealedAddress>> sealed = new HashMap<>();
        changes.stream().filter(change -> change.sealed() != null)
                .forEach(change -> sealed.computeIfAbsent(change.tenant(), t -> new HashSet<>()).add(change.sealed()));
        Map<TenantId, Map<SealedAddress, String>> opened = new HashMap<>();
        sealed.forEach((tenant, addresses) -> opened.put(tenant, keys.addresses(tenant, addresses)));
        return changes.stream().map(change -> {
            String address = change.sealed() == null ? null : opened.get(change.tenant()).get(change.sealed());
            if (address == null) {
                return change;
            }
            RecordKey key = change.key();
            return withKey(change, new RecordKey(key.profileId(), new ContactPoint(key.contactPoint().channel(), address),
                    key.purposeId(), key.topicId()));
        }).toList();
    }

    static Document evidence(Evidence evidence) {
        return new Document("wordingVersion", evidence.wordingVersion())
                .append("formId", evidence.formId())
                .append("clientAddress", evidence.clientAddress())
                .append("userAgent", evidence.userAgent())
                .append("guardian", evidence.guardian())
                .append("reason", evidence.reason())
                .append("notice", evidence.notice())
                .append("noticeHash", evidence.noticeHash());
    }

    static Evidence evidence(Document doc) {
        return doc == null ? Evidence.NONE : new Evidence(doc.getString("wordingVersion"), doc.getString("formId"),
                doc.getString("clientAddress"), doc.getString("userAgent"), doc.getString("guardian"),
                doc.getString("reason"), doc.getString("notice"), doc.getString("noticeHash"));
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

    /** The W3C traceparent of the work that wrote a change (outside its hash: it says how, not what). */
    static final String TRACE_CONTEXT = "traceparent";

    static Document change(ConsentChange change) {
        SealedAddress sealed = change.sealed();
        String contactPoint = ContactPoint.withheld(change.key().contactPoint().channel(), sealed.pseudonym()).key();
        return new Document("_id", change.id())
                .append("tenant", change.tenant().value())
                .append("recordKey", storedKey(change.key(), sealed))
                .append("seq", change.seq())
                .append("contactPoint", contactPoint)
                .append(MongoChangeOutbox.BUCKET, MongoChangeOutbox.bucket(contactPoint))
                .append("key", recordKey(change.key(), sealed))
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

    /** The entry as stored, its contact point withheld (see {@link #opened} and {@link #withKey}). */
    static ConsentChange change(Document doc) {
        Document key = doc.get("key", Document.class);
        return new ConsentChange(doc.getString("_id"), new TenantId(doc.getString("tenant")),
                recordKey(key), sealed(key), doc.getLong("seq"), ChangeOutcome.valueOf(doc.getString("outcome")),
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
