package org.consentplatform.bootstrap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.consentplatform.application.port.in.PurgeExpiredData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Every purge the retention job makes is counted, per kind, in consent.retention.purged (ADR 40). */
class RetentionJobTest {

    @Test
    void eachKindPurgedIsCountedInItsOwnSeries() {
        var meters = new SimpleMeterRegistry();
        var runs = new AtomicInteger();
        PeriodicJob job = new BackgroundJobs().retention(() -> {
            runs.incrementAndGet();
            return new PurgeExpiredData.Purged(1, 2, 3, 4, 5, 6, 7);
        }, new RetentionProperties(Duration.ofMillis(20), Duration.ofDays(30), Duration.ofDays(30)), meters);

        job.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);
        } finally {
            job.stop();
        }

        int completed = runs.get();
        Map<String, Integer> perRun = Map.of("import-files", 1, "import-error-lines", 2, "idempotency-keys", 3,
                "confirmation-requests", 4, "mail-quotas", 5, "retired-addresses", 6, "unconfirmed-readmissions", 7);
        perRun.forEach((kind, count) -> assertThat(meters.get("consent.retention.purged").tag("kind", kind).counter().count())
                .as(kind).isBetween((double) count * (completed - 1), (double) count * completed));
    }
}
