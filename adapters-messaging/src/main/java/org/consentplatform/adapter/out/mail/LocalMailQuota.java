package org.consentplatform.adapter.out.mail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.consentplatform.application.port.out.MailQuota;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Duration;

/**
 * Token buckets (Bucket4j) per address and per tenant, in this instance's memory: with N
 * instances behind a load balancer the effective limit is up to N times the configured one.
 * A mail is taken from the tenant's bucket only once the address's bucket allowed it.
 */
public final class LocalMailQuota implements MailQuota {

    /** A limit: so many mails per period, refilled gradually. */
    public record Limit(long mails, Duration per) {
    }

    private final Limit perAddress;
    private final Limit perTenant;
    private final Cache<String, Bucket> addresses;
    private final Cache<String, Bucket> tenants;

    public LocalMailQuota(Limit perAddress, Limit perTenant) {
        this.perAddress = perAddress;
        this.perTenant = perTenant;
        this.addresses = Caffeine.newBuilder().expireAfterAccess(perAddress.per()).maximumSize(1_000_000).build();
        this.tenants = Caffeine.newBuilder().expireAfterAccess(perTenant.per()).build();
    }

    @Override
    public Duration take(TenantId tenant, String address) {
        Bucket forAddress = addresses.get(tenant.value() + "|" + address.toLowerCase(java.util.Locale.ROOT), key -> bucket(perAddress));
        var addressProbe = forAddress.tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            return Duration.ofNanos(addressProbe.getNanosToWaitForRefill());
        }
        var tenantProbe = tenants.get(tenant.value(), key -> bucket(perTenant)).tryConsumeAndReturnRemaining(1);
        if (!tenantProbe.isConsumed()) {
            forAddress.addTokens(1); // not sent after all
            return Duration.ofNanos(tenantProbe.getNanosToWaitForRefill());
        }
        return Duration.ZERO;
    }

    private static Bucket bucket(Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.mails()).refillGreedy(limit.mails(), limit.per()).build())
                .build();
    }
}
