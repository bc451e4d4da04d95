package org.consentplatform.bootstrap;

import org.consentplatform.application.port.in.CountChanges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Brings the report counters up to the change log every {@code consent.reports.interval}, one
 * instance at a time: reports lag the log by about that much.
 */
@Component
class ReportCounting extends PeriodicJob {

    private final CountChanges counting;

    ReportCounting(CountChanges counting, @Value("${consent.reports.interval:PT5S}") Duration interval) {
        super("report-counting", interval);
        this.counting = counting;
    }

    @Override
    void run() {
        counting.countNew();
    }
}
