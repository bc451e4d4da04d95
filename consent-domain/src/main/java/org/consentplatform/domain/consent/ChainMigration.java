package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The attestation the one-off rewrite of a tenant's chains leaves behind (canonical form version
 * 1 to version 2, ADR 37). It links the heads the last checkpoint before it sealed to the heads
 * the next checkpoint seals: an auditor holding both published checkpoints and this attestation
 * sees that every chain was carried over, none dropped, and each rewritten entry keeps the hash
 * it had, so each link can be followed too.
 *
 * @param name             which migration ({@value #PSEUDONYMS})
 * @param checkpointBefore the number of the checkpoint that sealed {@code headsBefore}, 0 when the tenant had none
 * @param records          chains rewritten
 * @param entries          entries rewritten
 * @param headsBefore      the digest of every head before, as a checkpoint computes it
 * @param headsAfter       the digest of every head after
 */
public record ChainMigration(TenantId tenant, String name, Instant completedAt, long checkpointBefore, long records,
                             long entries, String headsBefore, String headsAfter, String hash) {

    /** Contact points pseudonymised: entries hash pseudonym and ciphertext instead of the address. */
    public static final String PSEUDONYMS = "contact-point-pseudonyms";

    /** The digest of a tenant's heads as a checkpoint seals them: taken when a migration starts, kept until it ends. */
    public static String headsDigest(List<StreamHead> heads) {
        return TenantCheckpoint.digest(heads);
    }

    /**
     * @param headsBefore   {@link #headsDigest} of the heads when the migration started
     * @param recordsBefore how many heads that was
     */
    public static ChainMigration attest(TenantId tenant, String name, Instant completedAt, long checkpointBefore, long entries,
                                        String headsBefore, long recordsBefore, List<StreamHead> after) {
        if (recordsBefore != after.size()) {
            throw new IllegalStateException("a migration carries every chain over: " + recordsBefore + " heads before, "
                    + after.size() + " after");
        }
        String headsAfter = headsDigest(after);
        return new ChainMigration(tenant, name, completedAt, checkpointBefore, after.size(), entries, headsBefore, headsAfter,
                ConsentChange.sha256(canonicalForm(tenant, name, completedAt, checkpointBefore, after.size(), entries,
                        headsBefore, headsAfter)));
    }

    /** Whether the hash covers the attestation's content. */
    public boolean intact() {
        return ConsentChange.sha256(canonicalForm(tenant, name, completedAt, checkpointBefore, records, entries, headsBefore,
                headsAfter)).equals(hash);
    }

    /**
     * One record's entries rewritten in version 2, chained anew, when its version-1 chain is
     * intact; a broken chain is reported and never resealed, which would launder the break.
     *
     * @param entriesInSeqOrder the record's entries in version 1, in stored seq order
     */
    public static Resealed reseal(RecordKey key, List<ConsentChange> entriesInSeqOrder, long headSeq, String headHash,
                                  SealedAddress sealed) {
        ChainVerification verification = ChainVerification.verify(key, entriesInSeqOrder, headSeq, headHash);
        if (!verification.intact()) {
            return new Resealed(verification, List.of());
        }
        var resealed = new ArrayList<ConsentChange>(entriesInSeqOrder.size());
        String previous = ConsentChange.GENESIS;
        for (ConsentChange entry : entriesInSeqOrder) {
            ConsentChange next = entry.resealed(sealed, previous);
            resealed.add(next);
            previous = next.hash();
        }
        return new Resealed(verification, List.copyOf(resealed));
    }

    /** @param entries the rewritten entries, in seq order; empty when the chain was broken */
    public record Resealed(ChainVerification verification, List<ConsentChange> entries) {
    }

    private static String canonicalForm(TenantId tenant, String name, Instant completedAt, long checkpointBefore, long records,
                                        long entries, String headsBefore, String headsAfter) {
        return "chain-migration/v1|" + tenant.value() + "|" + name + "|" + Instant.ofEpochMilli(completedAt.toEpochMilli()) + "|"
                + checkpointBefore + "|" + records + "|" + entries + "|" + headsBefore + "|" + headsAfter;
    }
}
