package org.consentplatform.bootstrap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the expiry and report counting jobs did is counted, run after run. */
class JobMetersTest {

    @Test
    void everyExpiryWrittenAndEveryChangeCountedIsAddedUp() {
        var meters = new SimpleMeterRegistry();
        var expiryRuns = new AtomicInteger();
        var countingRuns = new AtomicInteger();
        var jobs = new BackgroundJobs();
        PeriodicJob expiry = jobs.consentExpiry(() -> {
            expiryRuns.incrementAndGet();
            return 3;
        }, new ExpiryProperties(Duration.ofMillis(20), Duration.ofMinutes(5), 500), meters);
        PeriodicJob counting = jobs.reportCounting(() -> {
            countingRuns.incrementAndGet();
            return 7;
        }, new ReportProperties(Duration.ofMillis(20), Duration.ofMinutes(2), 5000), meters);

        expiry.start();
        counting.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> expiryRuns.get() >= 2 && countingRuns.get() >= 2);
        } finally {
            expiry.stop();
            counting.stop();
        }
        // a run that was ending when the jobs stopped adds its count a moment later
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(meters.get("consent.expiry.written").counter().count()).isEqualTo(3.0 * expiryRuns.get());
            assertThat(meters.get("consent.reports.counted").counter().count()).isEqualTo(7.0 * countingRuns.get());
        });
    }
}
