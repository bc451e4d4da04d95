package org.consentplatform.adapter.out.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;
import org.consentplatform.application.port.out.MailQuota;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Token buckets (Bucket4j) per address and per tenant, kept in MongoDB so that every instance
 * draws from the same ones: N instances behind a load balancer still send at most the
 * configured number of mails. Bucket4j offers no MongoDB back end, so this is one, on its
 * compare-and-swap contract: a bucket's state is replaced only if it is still the one read.
 * A mail is taken from the tenant's bucket only once the address's bucket allowed it.
 */
public final class MongoMailQuota implements MailQuota {

    /** A limit: so many mails per period, refilled gradually. */
    public record Limit(long mails, Duration per) {
    }

    private final ProxyManager<String> buckets;
    private final ContactPointKeys keys;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration perTenant;

    public MongoMailQuota(MongoStore store, ContactPointKeys keys, Limit perAddress, Limit perTenant, Clock clock) {
        this.keys = keys;
        this.buckets = new Buckets(store.collection(MongoStore.RATE_LIMITS), clock);
        this.perAddress = configuration(perAddress);
        this.perTenant = configuration(perTenant);
    }

    @Override
    public Duration take(TenantId tenant, String address) {
        BucketProxy forAddress = buckets.builder()
                .build(addressBucket(tenant, keys.pseudonym(tenant, new ContactPoint(Channel.EMAIL, address.toLowerCase(Locale.ROOT)))),
                        () -> perAddress);
        var addressProbe = forAddress.tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            return Duration.ofNanos(addressProbe.getNanosToWaitForRefill());
        }
        var tenantProbe = buckets.builder().build("mail-tenant|" + tenant.value(), () -> perTenant).tryConsumeAndReturnRemaining(1);
        if (!tenantProbe.isConsumed()) {
            forAddress.addTokens(1); // not sent after all
            return Duration.ofNanos(tenantProbe.getNanosToWaitForRefill());
        }
        return Duration.ZERO;
    }

    /** An address's bucket, filed by the pseudonym of the lower-cased address: it names no address. */
    static String addressBucket(TenantId tenant, String pseudonym) {
        return "mail-address|" + tenant.value() + "|" + pseudonym;
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.mails()).refillGreedy(limit.mails(), limit.per()).build())
                .build();
    }

    /**
     * Bucket states as binary documents. A full bucket is worth nothing: documents carry the
     * time it will be full again ({@code expiresAt}), for a TTL index to remove them.
     */
    private static final class Buckets extends AbstractCompareAndSwapBasedProxyManager<String> {

        private final MongoCollection<Document> states;
        private final Clock clock;

        Buckets(MongoCollection<Document> states, Clock clock) {
            super(ClientSideConfig.getDefault()
                    .withClientClock(TimeMeter.SYSTEM_MILLISECONDS)
                    .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1))));
            this.states = states;
            this.clock = clock;
        }

        @Override
        protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
            return new CompareAndSwapOperation() {
                @Override
                public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                    return Optional.ofNullable(states.find(Filters.eq("_id", key)).first())
                            .map(document -> document.get("state", Binary.class).getData());
                }

                @Override
                public boolean compareAndSwap(byte[] original, byte[] replacement, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                    Date expiresAt = Date.from(clock.instant().plusMillis(
                            getClientSideConfig().getExpirationAfterWriteStrategy().orElseThrow()
                                    .calculateTimeToLiveMillis(newState, currentTimeNanos())));
                    if (original == null) {
                        try {
                            states.insertOne(new Document("_id", key).append("state", new Binary(replacement)).append("expiresAt", expiresAt));
                            return true;
                        } catch (MongoException e) {
                            if (DuplicateKeys.isDuplicateKey(e)) {
                                return false; // another instance created it first: Bucket4j reads again
                            }
                            throw e;
                        }
                    }
                    return states.updateOne(new Document("_id", key).append("state", new Binary(original)),
                            Updates.combine(Updates.set("state", new Binary(replacement)), Updates.set("expiresAt", expiresAt)))
                            .getMatchedCount() == 1;
                }
            };
        }

        @Override
        protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
            throw new UnsupportedOperationException("the MongoDB sync driver has no asynchronous mode");
        }

        @Override
        public void removeProxy(String key) {
            states.deleteOne(Filters.eq("_id", key));
        }

        @Override
        protected CompletableFuture<Void> removeAsync(String key) {
            throw new UnsupportedOperationException("the MongoDB sync driver has no asynchronous mode");
        }

        @Override
        public boolean isAsyncModeSupported() {
            return false;
        }

        @Override
        public boolean isExpireAfterWriteSupported() {
            return true;
        }
    }
}
