package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of one (profile, contact point, purpose, topic) and the rules for changing it.
 * {@code seq} counts every change so far, applied or superseded; {@code headHash} is the hash
 * of the newest one, which the next change chains to. {@code sealed} is how the store holds the
 * record's contact point, which every change of the record hashes in place of the address;
 * {@code suppression} stands when that contact point was erased (§13).
 */
public final class ConsentRecord {

    /** Who writes EXPIRY changes. */
    public static final Actor EXPIRY_JOB = new Actor("expiry");
    /** The correlation id of the ERASURE changes of one erasure request. */
    private static final String ERASURE_CORRELATION = "erasure:";

    private final TenantId tenant;
    private final RecordKey key;
    private final SealedAddress sealed;
    private final RecordState current;
    private final long seq;
    private final String headHash;
    private final Suppression suppression;

    private ConsentRecord(TenantId tenant, RecordKey key, SealedAddress sealed, RecordState current, long seq, String headHash,
                          Suppression suppression) {
        this.tenant = tenant;
        this.key = key;
        this.sealed = sealed;
        this.current = current;
        this.seq = seq;
        this.headHash = headHash;
        this.suppression = suppression;
    }

    /** A record nobody has set yet. */
    public static ConsentRecord absent(TenantId tenant, RecordKey key, SealedAddress sealed) {
        return new ConsentRecord(tenant, key, sealed, null, 0, ConsentChange.GENESIS, null);
    }

    /** The record as its newest change left it. */
    public static ConsentRecord reconstitute(ConsentChange newest) {
        return new ConsentRecord(newest.tenant(), newest.key(), newest.sealed(), newest.after(), newest.seq(), newest.hash(), null);
    }

    public static ConsentRecord reconstitute(TenantId tenant, RecordKey key, SealedAddress sealed, RecordState current, long seq,
                                             String headHash) {
        return new ConsentRecord(tenant, key, sealed, current, seq, headHash, null);
    }

    /** The same record, its contact point erased and suppressed (§13). */
    public ConsentRecord suppressedBy(Suppression suppression) {
        return new ConsentRecord(tenant, key, sealed, current, seq, headHash, suppression);
    }

    /**
     * Takes a capture into account. Ordering rule (§6): a capture older than the current
     * consent is superseded and changes nothing but the history. An opt-in for a purpose
     * that requires double opt-in waits for confirmation unless it is the confirmation.
     *
     * @param doubleOptInRequired whether the profile requires double opt-in for this record's purpose and channel
     */
    public ConsentChange capture(ConsentCapture capture, boolean doubleOptInRequired, String changeId, Instant now) {
        if (!capture.key().equals(key)) {
            throw new IllegalArgumentException("capture for " + capture.key() + " given to record " + key);
        }
        boolean superseded = current != null && capture.capturedAt().isBefore(current.capturedAt());
        ConsentState resulting = capture.awaitsConfirmation(doubleOptInRequired)
                ? ConsentState.PENDING_CONFIRMATION
                : capture.state();
        RecordState after = superseded
                ? current
                : new RecordState(resulting, capture.capturedAt(), capture.source(), capture.evidence());
        return ConsentChange.chained(changeId, tenant, key, sealed, seq + 1,
                superseded ? ChangeOutcome.SUPERSEDED : ChangeOutcome.APPLIED, null,
                capture.state(), current, after, capture.capturedAt(), now, capture.source(), capture.actor(),
                capture.evidence(), capture.correlationId(), headHash);
    }

    /**
     * Keeps a capture a rule refused in the history (§11): a REJECTED change with its reason,
     * which leaves the state as it was.
     */
    public ConsentChange reject(ConsentCapture capture, Rejection rejection, String changeId, Instant now) {
        if (!capture.key().equals(key)) {
            throw new IllegalArgumentException("capture for " + capture.key() + " given to record " + key);
        }
        return ConsentChange.chained(changeId, tenant, key, sealed, seq + 1, ChangeOutcome.REJECTED, rejection, capture.state(),
                current, current, capture.capturedAt(), now, capture.source(), capture.actor(), capture.evidence(),
                capture.correlationId(), headHash);
    }

    /**
     * Ends an opt-in that outlived its purpose's lifetime (§10): an EXPIRY change whose record
     * counts as absent from the instant the opt-in expired. Its id is derived from the opt-in it
     * ends, so two jobs that both see it write it once.
     *
     * @return empty when the record holds no opt-in that has expired by {@code now}
     */
    public Optional<ConsentChange> expire(ConsentLifetime lifetime, Instant now) {
        if (current == null || current.state() != ConsentState.OPTED_IN || !lifetime.expired(current.capturedAt(), now)) {
            return Optional.empty();
        }
        Instant expiredAt = lifetime.expiresAt(current.capturedAt());
        String id = "expiry-" + ConsentChange.sha256(tenant.value() + "|" + key.withheld(sealed.pseudonym()).value() + "|"
                + current.capturedAt().toEpochMilli()).substring(0, 32);
        return Optional.of(ConsentChange.chained(id, tenant, key, sealed, seq + 1, ChangeOutcome.APPLIED, null, null, current,
                RecordState.expiredAt(expiredAt), expiredAt, now, Source.EXPIRY, EXPIRY_JOB, Evidence.NONE, "expiry", headHash));
    }

    /**
     * Forgets the record's consent with its contact point's address (§13): an ERASURE change that
     * leaves the record absent from the moment of the erasure, so that no capture made before it
     * can bring the consent back. A record already absent needs none.
     *
     * @return empty when the record holds no state to forget
     */
    public Optional<ConsentChange> erase(Suppression erasure, Actor actor, String changeId, Instant now) {
        if (current == null || current.state() == null) {
            return Optional.empty();
        }
        return Optional.of(ConsentChange.chained(changeId, tenant, key, sealed, seq + 1, ChangeOutcome.APPLIED, null, null, current,
                RecordState.erasedAt(erasure.erasedAt()), erasure.erasedAt(), now, Source.ERASURE, actor,
                Evidence.because(erasure.legalReference()), ERASURE_CORRELATION + erasure.requestId(), headHash));
    }

    /** The suppression of the record's contact point, when it was erased. */
    public Optional<Suppression> suppression() {
        return Optional.ofNullable(suppression);
    }

    public TenantId tenant() {
        return tenant;
    }

    public RecordKey key() {
        return key;
    }

    public SealedAddress sealed() {
        return sealed;
    }

    public Optional<RecordState> current() {
        return Optional.ofNullable(current);
    }

    /** The state as the enforcement models read it: null when absent. */
    public ConsentState state() {
        return current == null ? null : current.state();
    }

    public long seq() {
        return seq;
    }

    public String headHash() {
        return headHash;
    }
}
