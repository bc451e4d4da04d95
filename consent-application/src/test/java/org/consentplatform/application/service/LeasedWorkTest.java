package org.consentplatform.application.service;

import org.consentplatform.application.port.out.Leases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeasedWorkTest {

    /** One holder per lease; {@link #takeOver} hands a lease to another instance, as its expiry would. */
    private static final class SharedLeases implements Leases {
        final Map<String, String> holders = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean acquire(String lease, String holder, Duration ttl) {
            calls.add("acquire " + lease);
            return holders.putIfAbsent(lease, holder) == null || holders.get(lease).equals(holder);
        }

        @Override
        public void release(String lease, String holder) {
            calls.add("release " + lease);
            holders.remove(lease, holder);
        }

        void takeOver(String lease) {
            holders.put(lease, "other");
        }
    }

    private final SharedLeases leases = new SharedLeases();
    private final LeasedWork work = new LeasedWork(leases, "me", Duration.ofSeconds(30));

    @Test
    void batchesRunWhileMoreFollowsAndTheLeaseIsRenewedBetweenThem() {
        var sizes = new ArrayList<>(List.of(3, 3, 1));

        int handled = work.take("job").orElseThrow().inBatches(() -> {
            int size = sizes.removeFirst();
            return new LeasedWork.Batch(size, size == 3);
        });

        assertThat(handled).isEqualTo(7);
        assertThat(sizes).isEmpty();
        assertThat(leases.calls).containsExactly("acquire job", "acquire job", "acquire job");
    }

    @Test
    void workStopsWhereItStandsOnceTheLeaseIsLostAndWritesNothingMore() {
        var held = work.take("job").orElseThrow();
        var ran = new ArrayList<Integer>();

        int handled = held.inBatches(() -> {
            ran.add(ran.size());
            leases.takeOver("job"); // this holder stalled past the lease's expiry
            return new LeasedWork.Batch(1, true);
        });
        int afterwards = held.inBatches(() -> {
            ran.add(-1);
            return LeasedWork.Batch.last(1);
        });

        assertThat(handled).isEqualTo(1);
        assertThat(afterwards).isZero();
        assertThat(ran).containsExactly(0);
        assertThat(held.renew()).isFalse();
    }

    @Test
    void aLeaseAnotherInstanceHoldsIsNotTakenAndClosingGivesOneBack() {
        leases.takeOver("busy");

        assertThat(work.take("busy")).isEmpty();
        try (var held = work.take("free").orElseThrow()) {
            assertThat(leases.holders).containsEntry("free", "me");
        }
        assertThat(leases.holders).doesNotContainKey("free");
    }
}
