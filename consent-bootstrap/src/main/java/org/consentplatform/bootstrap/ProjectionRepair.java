package org.consentplatform.bootstrap;

import org.consentplatform.application.port.out.ConsentRecords;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Repairs projections that a crash left behind the change log: at start-up for everything,
 * then every half minute for changes older than the grace period (writers in flight are left
 * alone). Re-applying is idempotent, so several instances may run it at once.
 */
@Component
class ProjectionRepair implements ApplicationRunner {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private final ConsentRecords records;

    ProjectionRepair(ConsentRecords records) {
        this.records = records;
    }

    @Override
    public void run(ApplicationArguments args) {
        records.repairProjections(Duration.ZERO);
    }

    @Scheduled(initialDelayString = "${consent.projection-repair.interval:PT30S}", fixedDelayString = "${consent.projection-repair.interval:PT30S}")
    void repairPeriodically() {
        records.repairProjections(GRACE);
    }
}
