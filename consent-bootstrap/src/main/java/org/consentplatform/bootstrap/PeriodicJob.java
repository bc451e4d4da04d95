package org.consentplatform.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one way background work runs: a job on a thread of its own, run every interval (with a
 * fixed delay between runs), so a long run never holds up the outbox relay or the other jobs.
 * A failed run is logged and the next one tries again. Which instance does the work is the
 * job's own business (its leases, ADR 29), not the scheduler's.
 */
final class PeriodicJob implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration interval;
    private final Runnable run;
    private final Runnable beforeStop;
    private ScheduledExecutorService worker;

    private PeriodicJob(String name, Duration interval, Runnable run, Runnable beforeStop) {
        this.name = name;
        this.interval = interval;
        this.run = run;
        this.beforeStop = beforeStop;
    }

    static PeriodicJob every(String name, Duration interval, Runnable run) {
        return new PeriodicJob(name, interval, run, () -> { });
    }

    /** The same job, which lets its work wind down when the application stops (the relay hands its leases over). */
    PeriodicJob windingDownWith(Runnable beforeStop) {
        return new PeriodicJob(name, interval, run, beforeStop);
    }

    @Override
    public synchronized void start() {
        worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        worker.scheduleWithFixedDelay(this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            run.run();
        } catch (RuntimeException e) {
            LOG.warn("{} run failed; the next run in {} tries again: {}", name, interval, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.shutdown(); // no run starts any more; the one in progress winds down
            beforeStop.run();
            worker.shutdownNow(); // an interrupted run leaves nothing half done: its next run resumes
            worker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }
}
