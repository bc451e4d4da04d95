package org.consentplatform.domain.consent;

import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A periodic seal over a tenant's whole history: the digest of every record's chain head, read
 * without any lock while writers go on, chained to the checkpoint before it. Published outside
 * the database, it anchors the chains' ends: an entry deleted from the end of a chain, or a
 * whole record removed, no longer matches the heads a checkpoint sealed.
 *
 * @param number       1 for a tenant's first checkpoint, then consecutive
 * @param streams      how many record heads the digest covers
 * @param headsDigest  SHA-256 over the heads, sorted by record key
 * @param previousHash the hash of checkpoint {@code number - 1}, {@link ConsentChange#GENESIS} for the first
 */
public record TenantCheckpoint(TenantId tenant, long number, Instant takenAt, long streams, String headsDigest,
                               String previousHash, String hash) {

    /** Seals the given heads (any order) after the previous checkpoint, null for the tenant's first. */
    public static TenantCheckpoint seal(TenantId tenant, TenantCheckpoint previous, List<StreamHead> heads, Instant takenAt) {
        long number = previous == null ? 1 : previous.number() + 1;
        String previousHash = previous == null ? ConsentChange.GENESIS : previous.hash();
        String digest = digest(heads);
        return new TenantCheckpoint(tenant, number, takenAt, heads.size(), digest, previousHash,
                ConsentChange.sha256(canonicalForm(tenant, number, takenAt, heads.size(), digest, previousHash)));
    }

    /** Whether the stored heads are those this checkpoint sealed, and its hash covers its content. */
    public boolean seals(List<StreamHead> heads) {
        return heads.size() == streams && digest(heads).equals(headsDigest)
                && ConsentChange.sha256(canonicalForm(tenant, number, takenAt, streams, headsDigest, previousHash)).equals(hash);
    }

    /**
     * Checks each sealed head against the record's chain as stored now: the chain must still
     * hold the entry at the head's position, with the same hash. Entries added since are fine.
     *
     * @param chainAt the stored hash of a record's entry at a position, null when there is none
     */
    public void checkChains(List<StreamHead> heads, ChainLookup chainAt, Consumer<ChainVerification> breaches) {
        for (StreamHead head : heads) {
            String stored = chainAt.hashAt(head.key(), head.seq());
            if (stored == null) {
                breaches.accept(new ChainVerification(head.key(), false, 0, head.seq(), null,
                        ChainVerification.Breach.ENTRY_MISSING));
            } else if (!stored.equals(head.hash())) {
                breaches.accept(new ChainVerification(head.key(), false, 0, head.seq(), null,
                        ChainVerification.Breach.LINK_BROKEN));
            }
        }
    }

    /** The stored chain, as a checkpoint verification reads it. */
    @FunctionalInterface
    public interface ChainLookup {
        String hashAt(RecordKey key, long seq);
    }

    static String digest(List<StreamHead> heads) {
        var sorted = new ArrayList<>(heads);
        sorted.sort(Comparator.comparing(head -> head.key().value()));
        var text = new StringBuilder(sorted.size() * 160).append("tenant-heads/v1");
        for (StreamHead head : sorted) {
            text.append('\n').append(head.key().value()).append('|').append(head.seq()).append('|').append(head.hash());
        }
        return ConsentChange.sha256(text.toString());
    }

    private static String canonicalForm(TenantId tenant, long number, Instant takenAt, long streams, String digest,
                                        String previousHash) {
        return "tenant-checkpoint/v1|" + tenant.value() + "|" + number + "|"
                + Instant.ofEpochMilli(takenAt.toEpochMilli()) + "|" + streams + "|" + digest + "|" + previousHash;
    }
}
