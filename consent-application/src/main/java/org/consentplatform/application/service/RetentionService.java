package org.consentplatform.application.service;

import org.consentplatform.application.port.in.PurgeExpiredData;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.Retention;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Retention (§13, ADR 40): uploaded files and load error reports, answers of idempotent
 * requests, spent double opt-in requests and mail quotas are deleted once their time is up;
 * where a tenant limits how long its history keeps addresses, the addresses of contact points
 * nothing happened to since are destroyed, never the entries of the chain; an erased contact
 * point's address given again by an opt-in never confirmed is destroyed again.
 */
public final class RetentionService implements PurgeExpiredData {

    /**
     * @param importFiles          how long uploaded files and error report lines are kept
     * @param confirmationRequests how long a double opt-in request is kept once confirmed or expired
     */
    public record Periods(Duration importFiles, Duration confirmationRequests) {
    }

    private final Retention retention;
    private final ConsentHistory history;
    private final Tenants tenants;
    private final Periods periods;
    private final Clock clock;

    public RetentionService(Retention retention, ConsentHistory history, Tenants tenants, Periods periods, Clock clock) {
        this.retention = retention;
        this.history = history;
        this.tenants = tenants;
        this.periods = periods;
        this.clock = clock;
    }

    @Override
    public Purged purgeExpired() {
        Instant now = clock.instant();
        long retired = 0;
        for (TenantId tenant : history.tenants()) {
            Optional<Instant> keptAfter = tenants.inForce(tenant).addressesKeptAfter(now);
            if (keptAfter.isPresent()) {
                retired += retention.retireAddresses(tenant, keptAfter.get());
            }
        }
        Instant filesBefore = now.minus(periods.importFiles());
        Instant spentBefore = now.minus(periods.confirmationRequests());
        long confirmationRequests = retention.purgeSpentConfirmationRequests(spentBefore);
        // after the requests: a readmission is retired once no request of its contact point is left
        long unconfirmed = retention.retireUnconfirmedReadmissions(spentBefore);
        return new Purged(retention.purgeImportFiles(filesBefore), retention.purgeImportErrors(filesBefore),
                retention.purgeIdempotencyKeys(now.minus(IdempotencyService.RETENTION)), confirmationRequests,
                retention.purgeMailQuotas(now), retired, unconfirmed);
    }
}
