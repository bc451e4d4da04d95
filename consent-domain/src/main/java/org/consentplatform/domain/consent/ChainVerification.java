package org.consentplatform.domain.consent;

/**
 * The outcome of checking a record's hash chain: intact, or the first entry whose content,
 * order or presence was changed.
 *
 * @param checked  how many entries were read
 * @param seq      the position of the first broken entry (or of the first missing one), null when intact
 * @param changeId the id of the first broken entry, null when intact or missing
 */
public record ChainVerification(RecordKey key, boolean intact, long checked, Long seq, String changeId, Breach breach) {

    /** What was found wrong. */
    public enum Breach {
        /** The entry's content does not match its hash: it was edited. */
        CONTENT_CHANGED,
        /** The entry does not follow the one before it: entries were reordered or replaced. */
        LINK_BROKEN,
        /** An entry is missing: deleted from the middle, or from the end while the record's state still counts it. */
        ENTRY_MISSING
    }

    /**
     * Checks a record's entries, in stored seq order, against the head the record's current
     * state names (its seq and hash; seq 0 when unknown).
     */
    public static ChainVerification verify(RecordKey key, Iterable<ConsentChange> entriesInSeqOrder, long headSeq, String headHash) {
        String previous = ConsentChange.GENESIS;
        long expected = 1;
        for (ConsentChange entry : entriesInSeqOrder) {
            if (entry.seq() > expected) {
                return new ChainVerification(key, false, expected - 1, expected, null, Breach.ENTRY_MISSING);
            }
            if (!entry.contentIntact()) {
                return broken(key, expected, entry, Breach.CONTENT_CHANGED);
            }
            if (entry.seq() < expected || !previous.equals(entry.previousHash())) {
                return broken(key, expected, entry, Breach.LINK_BROKEN);
            }
            previous = entry.hash();
            expected++;
        }
        long checked = expected - 1;
        if (headSeq > checked) {
            return new ChainVerification(key, false, checked, checked + 1, null, Breach.ENTRY_MISSING);
        }
        if (headSeq == checked && checked > 0 && headHash != null && !headHash.equals(previous)) {
            return new ChainVerification(key, false, checked, checked, null, Breach.LINK_BROKEN);
        }
        return new ChainVerification(key, true, checked, null, null, null);
    }

    private static ChainVerification broken(RecordKey key, long position, ConsentChange entry, Breach breach) {
        return new ChainVerification(key, false, position, position, entry.id(), breach);
    }
}
