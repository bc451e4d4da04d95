package org.consentplatform.domain.doubleoptin;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;

/**
 * A pending opt-in waiting for the person to confirm it from the link mailed to them (§5).
 * It confirms only the opt-in it was opened for: if the record has changed since (an opt-out,
 * which always wins, or a newer capture), the request is void.
 *
 * @param tokenHash   the stored form of the link's token, also the request's identity
 * @param pendingSeq  the record's seq when the opt-in became pending
 * @param language    the language the person is written to in (ISO 639-1)
 * @param confirmedAt null until confirmed
 */
public record ConfirmationRequest(String tokenHash, TenantId tenant, RecordKey key, long pendingSeq,
                                  String wordingVersion, String language, Instant requestedAt, Instant expiresAt,
                                  Instant confirmedAt) {

    /** What a presented link finds. */
    public enum Status {
        /** Can be confirmed now. */
        OPEN,
        /** Confirmed before: confirming again changes nothing. */
        ALREADY_CONFIRMED,
        /** The link's time is up: a new one must be asked for. */
        EXPIRED,
        /** The record changed since (opted out, or captured anew): this link confirms nothing. */
        VOID
    }

    public static ConfirmationRequest open(ConfirmationToken token, TenantId tenant, RecordKey key, long pendingSeq,
                                           String wordingVersion, String language, Instant now, Duration lifetime) {
        return new ConfirmationRequest(token.hash(), tenant, key, pendingSeq, wordingVersion, language, now, now.plus(lifetime), null);
    }

    /** A new link can replace this one while the opt-in it was sent for still waits, expired or not. */
    public boolean renewable(ConsentRecord record, Instant now) {
        Status status = status(record, now);
        return status == Status.OPEN || status == Status.EXPIRED;
    }

    /**
     * A fresh link for the same pending opt-in; this one stays as it is (the first to be used confirms).
     *
     * @throws IllegalStateException unless {@link #renewable}
     */
    public ConfirmationRequest renewal(ConfirmationToken token, ConsentRecord record, Instant now, Duration lifetime) {
        if (!renewable(record, now)) {
            throw new IllegalStateException("request is " + status(record, now));
        }
        return open(token, tenant, key, pendingSeq, wordingVersion, language, now, lifetime);
    }

    /** The status of this request against the record as it stands now. */
    public Status status(ConsentRecord record, Instant now) {
        if (confirmedAt != null || confirmedBy(record)) {
            return Status.ALREADY_CONFIRMED;
        }
        if (record.seq() != pendingSeq || record.state() != ConsentState.PENDING_CONFIRMATION) {
            return Status.VOID;
        }
        return now.isBefore(expiresAt) ? Status.OPEN : Status.EXPIRED;
    }

    /**
     * The confirmation to record, with the person's client as evidence.
     *
     * @throws IllegalStateException unless the request is {@link Status#OPEN}
     */
    public ConsentCapture confirmation(ConsentRecord record, Instant now, String clientAddress, String userAgent) {
        Status status = status(record, now);
        if (status != Status.OPEN) {
            throw new IllegalStateException("request is " + status);
        }
        return new ConsentCapture(key, ConsentState.OPTED_IN, now, Source.DOUBLE_OPT_IN, Actor.RECIPIENT,
                new Evidence(wordingVersion, null, truncate(clientAddress, 64), truncate(userAgent, 512)),
                "double-opt-in:" + tokenHash.substring(0, 16));
    }

    /** The record's next change after the pending one is this confirmation (even if marking the request was lost). */
    private boolean confirmedBy(ConsentRecord record) {
        return record.seq() == pendingSeq + 1 && record.state() == ConsentState.OPTED_IN
                && record.current().map(state -> state.source() == Source.DOUBLE_OPT_IN).orElse(false);
    }

    public ConfirmationRequest confirmedAt(Instant at) {
        return new ConfirmationRequest(tokenHash, tenant, key, pendingSeq, wordingVersion, language, requestedAt, expiresAt, at);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
