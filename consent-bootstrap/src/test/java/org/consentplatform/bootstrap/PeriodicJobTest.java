package org.consentplatform.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A job winds down when the application stops (no run after), and runs again when it starts again. */
class PeriodicJobTest {

    @Test
    void noRunStartsOnceTheJobWindsDownAndItRunsAgainAfterARestart() throws Exception {
        var runs = new AtomicInteger();
        List<String> events = new CopyOnWriteArrayList<>();
        var ran = new CountDownLatch(1);
        PeriodicJob job = PeriodicJob.every("test-job", Duration.ofMillis(10), () -> {
            runs.incrementAndGet();
            events.add("run");
            ran.countDown();
        }).windingDownWith(() -> events.add("wound down"));

        job.start();
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        job.stop();
        Thread.sleep(50); // a run that was in progress has ended
        int atStop = runs.get();
        Thread.sleep(200);

        assertThat(events).as("wound down once").containsOnlyOnce("wound down");
        assertThat(runs.get()).as("no run after the stop, at a 10 ms interval").isEqualTo(atStop);
        assertThat(job.isRunning()).isFalse();

        job.start(); // a paused context is started again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runs.get() == atStop && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        job.stop();
        assertThat(runs.get()).as("it runs again").isGreaterThan(atStop);
    }
}
