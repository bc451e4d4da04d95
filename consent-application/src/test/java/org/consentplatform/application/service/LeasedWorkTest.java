package org.consentplatform.application.service;

import org.consentplatform.application.port.out.Leases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

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

        @Override
        public List<String> holders(String prefix) {
            return holders.entrySet().stream().filter(lease -> lease.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
        }

        void takeOver(String lease) {
            holders.put(lease, "other");
        }
    }

    private final SharedLeases leases = new SharedLeases();
    /** Nanoseconds on the monotonic clock the work reads. */
    private final AtomicLong now = new AtomicLong();
    private final LeasedWork work = new LeasedWork(leases, "me", Duration.ofSeconds(30), now::get);

    @Test
    void batchesRunWhileMoreFollowsAndTheLeaseIsWrittenAgainOnceAThirdOfItsTimeHasPassed() {
        var sizes = new ArrayList<>(List.of(3, 3, 3, 1));

        int handled = work.take("job").orElseThrow().inBatches(() -> {
            int size = sizes.removeFirst();
            now.addAndGet(Duration.ofSeconds(6).toNanos()); // a batch takes 6 s of the lease's 30
            return new LeasedWork.Batch(size, size == 3);
        });

        assertThat(handled).isEqualTo(10);
        assertThat(sizes).isEmpty();
        // taken at 0; checked at 6 s (not yet), 12 s (written), 18 s (not yet since 12 s)
        assertThat(leases.calls).containsExactly("acquire job", "acquire job");
    }

    @Test
    void workStopsWhereItStandsOnceTheLeaseIsLostAndWritesNothingMore() {
        var held = work.take("job").orElseThrow();
        var ran = new ArrayList<Integer>();

        int handled = held.inBatches(() -> {
            ran.add(ran.size());
            now.addAndGet(Duration.ofSeconds(31).toNanos()); // this holder stalled past the lease's expiry
            leases.takeOver("job"); // which let another instance take it
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
