package org.consentplatform.application.port.in;

/** Deletes what the platform keeps only for a while (§13). */
public interface PurgeExpiredData {

    /** What one run deleted, per kind. */
    record Purged(long importFiles, long importErrorLines, long idempotencyKeys, long confirmationRequests, long mailQuotas,
                  long retiredAddresses) {

        public long total() {
            return importFiles + importErrorLines + idempotencyKeys + confirmationRequests + mailQuotas + retiredAddresses;
        }
    }

    Purged purgeExpired();
}
