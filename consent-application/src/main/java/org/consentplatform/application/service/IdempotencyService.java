package org.consentplatform.application.service;

import org.consentplatform.application.port.in.IdempotentRequests;
import org.consentplatform.application.port.out.IdempotencyRecords;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/** Keys are kept for a day: long enough for any client retry, short enough not to pile up. */
public final class IdempotencyService implements IdempotentRequests {

    static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyRecords records;
    private final Clock clock;

    public IdempotencyService(IdempotencyRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public Claim claim(TenantId tenant, String key, String fingerprint) {
        if (!KEY.matcher(key).matches()) {
            throw DomainRejection.InvalidInput.of("Idempotency-Key", "must be 1-255 visible ASCII characters");
        }
        if (records.claim(tenant, key, fingerprint, clock.instant())) {
            return new Claim.Fresh();
        }
        var entry = records.find(tenant, key).orElse(null);
        if (entry == null || entry.claimedAt().plus(RETENTION).isBefore(clock.instant())) {
            // forgotten in between or expired: start over
            records.release(tenant, key);
            return records.claim(tenant, key, fingerprint, clock.instant()) ? new Claim.Fresh() : new Claim.InFlight();
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        return entry.response() == null ? new Claim.InFlight() : new Claim.Replay(entry.response());
    }

    @Override
    public void complete(TenantId tenant, String key, String response) {
        records.complete(tenant, key, response);
    }

    @Override
    public void release(TenantId tenant, String key) {
        records.release(tenant, key);
    }
}
