package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ExpireConsents;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Leases;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentLifetime;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes EXPIRY changes (§10), one instance at a time (a lease), batch by batch, renewing the
 * lease between batches. A change goes through the change log like any other, so it is audited
 * and published; a record some writer changed meanwhile is re-read, and an opt-in renewed in
 * between is not expired.
 */
public final class ExpiryService implements ExpireConsents {

    public static final String LEASE = "consent-expiry";

    private final ConsentRecords records;
    private final ConsentHistory history;
    private final ComplianceProfiles profiles;
    private final LeasedWork work;
    private final int batchSize;
    private final Clock clock;

    public ExpiryService(ConsentRecords records, ConsentHistory history, ComplianceProfiles profiles, Leases leases, String instance,
                         Duration leaseTtl, int batchSize, Clock clock) {
        this.records = records;
        this.history = history;
        this.profiles = profiles;
        this.work = new LeasedWork(leases, instance, leaseTtl);
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Override
    public int expireDue() {
        return work.take(LEASE).map(held -> {
            int written = 0;
            for (TenantId tenant : history.tenants()) {
                for (ComplianceProfile profile : profiles.all(tenant)) {
                    for (Purpose purpose : profile.purposes()) {
                        if (purpose.lifetime().lifetime() != null) {
                            written += held.inBatches(() -> expireBatch(tenant, profile, purpose));
                        }
                    }
                }
            }
            return written;
        }).orElse(0);
    }

    private LeasedWork.Batch expireBatch(TenantId tenant, ComplianceProfile profile, Purpose purpose) {
        Instant now = clock.instant();
        List<ConsentRecord> candidates = records.optedInCapturedBefore(tenant, profile.id(), purpose.id(),
                purpose.lifetime().capturedNoLaterThanForExpiry(now), batchSize);
        boolean reachedTheYoungest = candidates.size() < batchSize;
        int written = 0;
        for (ConsentRecord candidate : candidates) {
            Optional<ConsentChange> expiry = candidate.expire(purpose.lifetime(), now);
            if (expiry.isEmpty()) {
                // expiry times grow with capture times: once one candidate is not due, no later one is
                reachedTheYoungest = true;
                break;
            }
            if (append(candidate, expiry.get(), purpose.lifetime(), now)) {
                written++;
            }
        }
        // a batch in which this instance wrote nothing was taken care of by another writer: leave the rest to it
        return new LeasedWork.Batch(written, !reachedTheYoungest && written > 0);
    }

    /**
     * Appends a record's EXPIRY change, re-reading the record when another writer got there first:
     * another instance may have expired it, or the person renewed it.
     */
    private boolean append(ConsentRecord candidate, ConsentChange expiry, ConsentLifetime lifetime, Instant now) {
        if (records.append(expiry)) {
            return true;
        }
        return OptimisticAppend.retry(candidate.key().toString(), () -> {
            Optional<ConsentChange> next = records.load(candidate.tenant(), candidate.key()).expire(lifetime, now);
            if (next.isEmpty()) {
                return Optional.of(false); // renewed meanwhile, or expired by another instance
            }
            return records.append(next.get()) ? Optional.of(true) : Optional.empty();
        });
    }
}
