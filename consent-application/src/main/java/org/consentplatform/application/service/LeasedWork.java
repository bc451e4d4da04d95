package org.consentplatform.application.service;

import org.consentplatform.application.port.out.Leases;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Background work that one instance at a time does: a lease taken, renewed between batches,
 * and the work stopped where it stands once the lease is lost. The check before each batch is
 * the fence: a holder that stalled past the lease's expiry finds it taken and writes nothing
 * more, and the new holder goes on from what was stored. The lease is written again once a
 * third of its time has passed since it last was, not before every batch: no other instance
 * can take it before it expires, and a batch costs no round trip for it.
 */
final class LeasedWork {

    private final Leases leases;
    private final String holder;
    private final Duration ttl;
    private final LongSupplier nanoTime;

    LeasedWork(Leases leases, String holder, Duration ttl) {
        this(leases, holder, ttl, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock, in nanoseconds (tests pass their own) */
    LeasedWork(Leases leases, String holder, Duration ttl, LongSupplier nanoTime) {
        this.leases = leases;
        this.holder = holder;
        this.ttl = ttl;
        this.nanoTime = nanoTime;
    }

    /** @return the lease, now held, or empty when another instance holds it */
    Optional<Held> take(String lease) {
        long at = nanoTime.getAsLong();
        return leases.acquire(lease, holder, ttl) ? Optional.of(new Held(lease, at)) : Optional.empty();
    }

    /** What one batch did: how many items it handled, and whether more may follow. */
    record Batch(int handled, boolean more) {

        static Batch last(int handled) {
            return new Batch(handled, false);
        }
    }

    /** A lease this instance holds; closing it gives it back. */
    final class Held implements AutoCloseable {

        private final String lease;
        private boolean lost;
        private long renewedAt;

        private Held(String lease, long takenAt) {
            this.lease = lease;
            this.renewedAt = takenAt;
        }

        /** Renews the lease when a third of its time has passed. @return false once it was lost: the work stops */
        boolean renew() {
            long now = nanoTime.getAsLong();
            if (!lost && now - renewedAt >= ttl.toNanos() / 3) {
                lost = !leases.acquire(lease, holder, ttl);
                renewedAt = now;
            }
            return !lost;
        }

        /**
         * Runs batches while the last one says more may follow and the lease renews after it.
         *
         * @return the items the batches handled; 0 once the lease was lost
         */
        int inBatches(Supplier<Batch> next) {
            int handled = 0;
            while (!lost) {
                Batch batch = next.get();
                handled += batch.handled();
                if (!batch.more() || !renew()) {
                    break;
                }
            }
            return handled;
        }

        @Override
        public void close() {
            leases.release(lease, holder);
        }
    }
}
