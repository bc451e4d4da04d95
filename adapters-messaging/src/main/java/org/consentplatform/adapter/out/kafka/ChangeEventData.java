package org.consentplatform.adapter.out.kafka;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordState;

/**
 * The data of a {@code org.consentplatform.consent.changed.v1} event: the whole change-log
 * entry, hashes included, so a consumer can check the chain on its side. Instants are ISO-8601.
 * An EXPIRY change requests no state and leaves {@code after.state} null: the record counts as absent.
 * A REJECTED change (an attempt a rule refused) carries its rejection and leaves the state as it was.
 * A change published after its contact point was erased carries no address and {@code erased: true};
 * an ERASURE change forgets the record's consent ({@code after.state} null, source ERASURE).
 */
record ChangeEventData(String changeId, String tenant, String profileId, String channel, String address, Boolean erased,
                       String purposeId, String topicId, long seq, String outcome, RejectionData rejection,
                       String requestedState, State before, State after, String capturedAt, String recordedAt, String source,
                       String actor, String actorClient, EvidenceData evidence, String correlationId, String previousHash,
                       String hash) {

    record RejectionData(String rule, String reason) {
    }

    record State(String state, String capturedAt, String source, EvidenceData evidence) {
    }

    record EvidenceData(String wordingVersion, String formId, String clientAddress, String userAgent, String guardian,
                        String reason, String notice, String noticeHash) {
    }

    static ChangeEventData of(ConsentChange change) {
        var key = change.key();
        return new ChangeEventData(change.id(), change.tenant().value(), key.profileId().value(),
                key.contactPoint().channel().toString(), key.contactPoint().address(),
                key.contactPoint().isWithheld() ? Boolean.TRUE : null, key.purposeId().value(),
                key.topicId() == null ? null : key.topicId().value(), change.seq(), change.outcome().name(),
                change.rejection() == null ? null : new RejectionData(change.rejection().rule(), change.rejection().reason()),
                change.requestedState() == null ? null : change.requestedState().name(), state(change.before()), state(change.after()),
                change.capturedAt().toString(), change.recordedAt().toString(), change.source().name(),
                change.actor().id(), change.actor().client(), evidence(change.evidence()), change.correlationId(), change.previousHash(), change.hash());
    }

    private static State state(RecordState state) {
        return state == null ? null : new State(state.state() == null ? null : state.state().name(), state.capturedAt().toString(),
                state.source().name(),
                evidence(state.evidence()));
    }

    private static EvidenceData evidence(Evidence evidence) {
        return evidence == null || evidence.equals(Evidence.NONE) ? null
                : new EvidenceData(evidence.wordingVersion(), evidence.formId(), evidence.clientAddress(), evidence.userAgent(),
                evidence.guardian(), evidence.reason(), evidence.notice(), evidence.noticeHash());
    }
}
