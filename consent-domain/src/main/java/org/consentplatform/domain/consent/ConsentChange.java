package org.consentplatform.domain.consent;

import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;

/**
 * One immutable entry of a record's history. {@code after} is the record's state once the
 * change was taken into account, so the newest change alone tells the current state.
 *
 * @param seq        position in the record's history, from 1, without gaps
 * @param before     the state before, null when the record was absent
 * @param after      the state after, null when the record stays absent
 * @param recordedAt when the platform recorded it (capturedAt is when the person gave it)
 */
public record ConsentChange(String id, TenantId tenant, RecordKey key, long seq, ChangeOutcome outcome,
                            ConsentState requestedState, RecordState before, RecordState after,
                            Instant capturedAt, Instant recordedAt, Source source, Actor actor,
                            Evidence evidence, String correlationId) {

    public boolean applied() {
        return outcome == ChangeOutcome.APPLIED;
    }
}
