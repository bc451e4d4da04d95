package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One immutable entry of a record's history. {@code after} is the record's state once the
 * change was taken into account, so the newest change alone tells the current state.
 * Entries of a record form a hash chain: {@code hash} is the SHA-256 of the entry's canonical
 * form, which includes {@code previousHash}, the hash of the entry before it. The form (version
 * 2) holds the contact point's pseudonym and ciphertext, never its address, so an erasure, which
 * shreds the key the ciphertext needs, leaves every hash valid.
 *
 * @param sealed       how the store holds the contact point; null only for an entry written before
 *                     pseudonyms (version 1, whose form holds the address), until the store is migrated
 * @param seq          position in the record's history, from 1, without gaps
 * @param rejection    why a rule refused the capture, only when the outcome is {@link ChangeOutcome#REJECTED}
 * @param before       the state before, null when the record was absent
 * @param after        the state after, null when the record stays absent
 * @param recordedAt   when the platform recorded it (capturedAt is when the person gave it)
 * @param previousHash the hash of entry {@code seq - 1}, {@link #GENESIS} for the first
 */
public record ConsentChange(String id, TenantId tenant, RecordKey key, SealedAddress sealed, long seq, ChangeOutcome outcome,
                            Rejection rejection, ConsentState requestedState, RecordState before, RecordState after,
                            Instant capturedAt, Instant recordedAt, Source source, Actor actor,
                            Evidence evidence, String correlationId, String previousHash, String hash) {

    /** The previous hash of a record's first entry. */
    public static final String GENESIS = "0".repeat(64);

    public ConsentChange {
        if ((outcome == ChangeOutcome.REJECTED) != (rejection != null)) {
            throw new IllegalArgumentException("a change carries a rejection exactly when its outcome is REJECTED");
        }
    }

    /** A new entry, chained to the one before it. */
    public static ConsentChange chained(String id, TenantId tenant, RecordKey key, SealedAddress sealed, long seq,
                                        ChangeOutcome outcome, Rejection rejection, ConsentState requestedState,
                                        RecordState before, RecordState after, Instant capturedAt, Instant recordedAt,
                                        Source source, Actor actor, Evidence evidence, String correlationId,
                                        String previousHash) {
        if (sealed == null) {
            throw new IllegalStateException("record " + key + " has no sealed contact point: new entries hash version 2");
        }
        var unhashed = new ConsentChange(id, tenant, key, sealed, seq, outcome, rejection, requestedState, before, after,
                capturedAt, recordedAt, source, actor, evidence, correlationId, previousHash, null);
        return unhashed.withHash(sha256(unhashed.canonicalForm()));
    }

    /**
     * This entry rewritten in version 2 and chained anew after {@code previousHash}: the one-off
     * migration of entries written before pseudonyms. The content stays as it was.
     */
    public ConsentChange resealed(SealedAddress sealed, String previousHash) {
        return chained(id, tenant, key, sealed, seq, outcome, rejection, requestedState, before, after, capturedAt,
                recordedAt, source, actor, evidence, correlationId, previousHash);
    }

    private ConsentChange withHash(String newHash) {
        return new ConsentChange(id, tenant, key, sealed, seq, outcome, rejection, requestedState, before, after, capturedAt,
                recordedAt, source, actor, evidence, correlationId, previousHash, newHash);
    }

    public boolean applied() {
        return outcome == ChangeOutcome.APPLIED;
    }

    /** Whether this change left its record waiting for a double opt-in confirmation. */
    public boolean leftPending() {
        return applied() && after != null && after.state() == ConsentState.PENDING_CONFIRMATION;
    }

    /** Whether the stored hash is the hash of this entry's content. */
    public boolean contentIntact() {
        return hash != null && hash.equals(sha256(canonicalForm()));
    }

    /**
     * Every field but the hash itself, in a fixed order, each length-prefixed so that no value
     * can imitate a separator. Instants are ISO-8601 in UTC with millisecond precision, as stored.
     * Version 2 names the contact point by pseudonym and ciphertext; version 1 (entries not yet
     * migrated) by its address.
     */
    String canonicalForm() {
        return sealed == null ? canonicalFormV1() : canonicalFormV2();
    }

    private String canonicalFormV2() {
        var form = new StringBuilder(640).append("consent-change/v2");
        field(form, id);
        field(form, tenant.value());
        field(form, key.profileId().value());
        field(form, key.contactPoint().channel().toString());
        field(form, sealed.pseudonym());
        field(form, sealed.ciphertext());
        field(form, key.purposeId().value());
        field(form, key.topicId() == null ? null : key.topicId().value());
        field(form, Long.toString(seq));
        field(form, outcome.name());
        field(form, rejection == null ? null : rejection.rule());
        field(form, rejection == null ? null : rejection.reason());
        field(form, requestedState == null ? null : requestedState.name());
        stateV2(form, before);
        stateV2(form, after);
        field(form, millis(capturedAt));
        field(form, millis(recordedAt));
        field(form, source.name());
        field(form, actor.id());
        field(form, actor.client());
        evidenceV2(form, evidence);
        field(form, correlationId);
        field(form, previousHash);
        return form.toString();
    }

    private static void stateV2(StringBuilder form, RecordState state) {
        if (state == null) {
            field(form, null);
            return;
        }
        field(form, state.state() == null ? null : state.state().name());
        field(form, millis(state.capturedAt()));
        field(form, state.source().name());
        evidenceV2(form, state.evidence());
    }

    private static void evidenceV2(StringBuilder form, Evidence evidence) {
        Evidence e = evidence == null ? Evidence.NONE : evidence;
        field(form, e.wordingVersion());
        field(form, e.formId());
        field(form, e.clientAddress());
        field(form, e.userAgent());
        field(form, e.guardian());
        field(form, e.reason());
        notice(form, e);
    }

    /** Written only when present: entries from before notices existed hash as they did. */
    private static void notice(StringBuilder form, Evidence e) {
        if (e.notice() != null) {
            field(form, "notice=" + e.notice());
            field(form, e.noticeHash());
        }
    }

    private String canonicalFormV1() {
        var form = new StringBuilder(512).append("consent-change/v1");
        field(form, id);
        field(form, tenant.value());
        field(form, key.value());
        field(form, Long.toString(seq));
        field(form, outcome.name());
        if (rejection != null) { // fields added later are written only when present: older entries hash as they did
            field(form, "rejected=" + rejection.rule());
            field(form, rejection.reason());
        }
        field(form, requestedState == null ? null : requestedState.name());
        state(form, before);
        state(form, after);
        field(form, millis(capturedAt));
        field(form, millis(recordedAt));
        field(form, source.name());
        field(form, actor.id());
        if (actor.client() != null) {
            field(form, "client=" + actor.client());
        }
        evidence(form, evidence);
        field(form, correlationId);
        field(form, previousHash);
        return form.toString();
    }

    private static void state(StringBuilder form, RecordState state) {
        if (state == null) {
            field(form, null);
            return;
        }
        field(form, state.state() == null ? null : state.state().name());
        field(form, millis(state.capturedAt()));
        field(form, state.source().name());
        evidence(form, state.evidence());
    }

    private static void evidence(StringBuilder form, Evidence evidence) {
        Evidence e = evidence == null ? Evidence.NONE : evidence;
        field(form, e.wordingVersion());
        field(form, e.formId());
        field(form, e.clientAddress());
        field(form, e.userAgent());
        if (e.guardian() != null) {
            field(form, "guardian=" + e.guardian()); // only when present: entries from before it existed hash as they did
        }
        if (e.reason() != null) {
            field(form, "reason=" + e.reason()); // likewise
        }
        notice(form, e);
    }

    private static void field(StringBuilder form, String value) {
        form.append('|');
        if (value == null) {
            form.append('-');
        } else {
            form.append(value.length()).append(':').append(value);
        }
    }

    /** Storage keeps milliseconds: the canonical form must not depend on finer precision. */
    private static String millis(Instant instant) {
        return Instant.ofEpochMilli(instant.toEpochMilli()).toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
