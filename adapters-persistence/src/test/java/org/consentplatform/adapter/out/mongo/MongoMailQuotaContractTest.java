package org.consentplatform.adapter.out.mongo;

import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail quotas held in MongoDB hold for all instances together. */
class MongoMailQuotaContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final MongoMailQuota.Limit THREE_AN_HOUR = new MongoMailQuota.Limit(3, Duration.ofHours(1));

    @Test
    void twoInstancesDrawFromTheSameBucketsPerAddressAndPerTenant() {
        var one = new MongoMailQuota(store, keys, THREE_AN_HOUR, new MongoMailQuota.Limit(5, Duration.ofHours(1)), Clock.systemUTC());
        var other = new MongoMailQuota(store, keys, THREE_AN_HOUR, new MongoMailQuota.Limit(5, Duration.ofHours(1)), Clock.systemUTC());

        assertThat(one.take(ACME, "ann@example.com")).isZero();
        assertThat(other.take(ACME, "Ann@Example.com")).as("addresses compare without case").isZero();
        assertThat(one.take(ACME, "ann@example.com")).isZero();
        Duration wait = other.take(ACME, "ann@example.com");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));

        assertThat(other.take(ACME, "bob@example.com")).as("another address has its own share").isZero();
        assertThat(one.take(ACME, "cem@example.com")).isZero();
        assertThat(other.take(ACME, "dan@example.com")).as("the tenant's five are used up").isPositive();
        assertThat(one.take(new TenantId("globex"), "dan@example.com")).as("tenants do not share").isZero();
    }

    @Test
    void concurrentTakesOnTwoInstancesNeverGrantMoreThanTheLimit() throws Exception {
        var limit = new MongoMailQuota.Limit(10, Duration.ofHours(1));
        var instances = new MongoMailQuota[] {
                new MongoMailQuota(store, keys, limit, new MongoMailQuota.Limit(1000, Duration.ofHours(1)), Clock.systemUTC()),
                new MongoMailQuota(store, keys, limit, new MongoMailQuota.Limit(1000, Duration.ofHours(1)), Clock.systemUTC())};
        var takes = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 40; i++) {
            MongoMailQuota quota = instances[i % 2];
            takes.add(() -> quota.take(ACME, "ann@example.com").isZero());
        }

        long granted;
        try (var pool = Executors.newFixedThreadPool(8)) {
            granted = pool.invokeAll(takes).stream().filter(MongoMailQuotaContractTest::granted).count();
        }

        assertThat(granted).isEqualTo(10);
    }

    private static boolean granted(Future<Boolean> take) {
        try {
            return take.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
