package org.consentplatform.application.service;

import org.consentplatform.application.port.in.IdempotentRequests;
import org.consentplatform.application.port.out.IdempotencyRecords;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys are kept for a day: long enough for any client retry, short enough not to pile up; the
 * retention job forgets older ones ({@link #RETENTION}).
 */
public final class IdempotencyService implements IdempotentRequests {

    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyRecords records;
    private final Tenants tenants;
    private final Clock clock;

    public IdempotencyService(IdempotencyRecords records, Tenants tenants, Clock clock) {
        this.records = records;
        this.tenants = tenants;
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
    public void complete(TenantId tenant, String key, String response, List<RawContactPoint> named) {
        TenantSettings settings = tenants.inForce(tenant);
        Set<ContactPoint> contactPoints = new HashSet<>();
        for (RawContactPoint written : named) {
            try {
                contactPoints.add(settings.contactPoint(written));
            } catch (DomainRejection.InvalidInput notAnAddress) {
                // names nobody: a malformed address was refused before anything was stored
            }
        }
        records.complete(tenant, key, response, contactPoints);
    }

    @Override
    public void release(TenantId tenant, String key) {
        records.release(tenant, key);
    }
}
