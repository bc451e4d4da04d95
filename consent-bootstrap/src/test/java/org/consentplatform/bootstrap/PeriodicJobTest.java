package org.consentplatform.bootstrap;

import org.awaitility.Awaitility;
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
        int atStop = runs.get();

        // at a 10 ms interval a job still scheduled would run about twenty times meanwhile; one run may have been starting
        Awaitility.await("no run after the stop").during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> runs.get() <= atStop + 1);
        assertThat(events).as("wound down once").containsOnlyOnce("wound down");
        assertThat(job.isRunning()).isFalse();

        int beforeRestart = runs.get();
        job.start(); // a paused context is started again
        Awaitility.await("a run after the restart").atMost(Duration.ofSeconds(10)).until(() -> runs.get() > beforeRestart);
        job.stop();
        assertThat(runs.get()).as("it runs again").isGreaterThan(beforeRestart);
    }
}
