package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.report.CountedState;
import org.consentplatform.domain.report.CounterDeltas;
import org.consentplatform.domain.report.DayFigures;
import org.consentplatform.domain.report.Series;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Counters maintained from the change log for reports (§12), so a report reads a few counter
 * documents instead of every record. Every change is counted exactly once, even when a run is
 * interrupted halfway.
 */
public interface ReportCounters {

    /** Completes the batch an interrupted run left half added, if any: call it before reading {@link #uncounted}. */
    void finishInterrupted();

    /** Changes not counted yet, in no particular order. */
    List<ConsentChange> uncounted(int limit);

    /** Adds the deltas of these changes to the counters and marks the changes counted, as one unit that a crash cannot split. */
    void add(Collection<String> changeIds, CounterDeltas deltas);

    /** Per series of the tenant (of one profile, when given), the records in each state. */
    Map<Series, Map<CountedState, Long>> states(TenantId tenant, TechnicalId profileId);

    /** Per series of the tenant (of one profile, when given), the figures of each day in the range, both ends included; days without any left out. */
    Map<Series, Map<LocalDate, DayFigures>> days(TenantId tenant, TechnicalId profileId, LocalDate from, LocalDate to);
}
