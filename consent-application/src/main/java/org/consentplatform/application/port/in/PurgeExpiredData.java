package org.consentplatform.application.port.in;

/** Deletes what the platform keeps only for a while (§13). */
public interface PurgeExpiredData {

    /** What one run deleted, per kind. */
    /**
     * @param retiredAddresses         data keys of contact points inactive for longer than their tenant keeps addresses
     * @param unconfirmedReadmissions  data keys an erased contact point got back for an opt-in never confirmed
     */
    record Purged(long importFiles, long importErrorLines, long idempotencyKeys, long confirmationRequests, long mailQuotas,
                  long retiredAddresses, long unconfirmedReadmissions) {

        public long total() {
            return importFiles + importErrorLines + idempotencyKeys + confirmationRequests + mailQuotas + retiredAddresses
                    + unconfirmedReadmissions;
        }
    }

    Purged purgeExpired();
}
