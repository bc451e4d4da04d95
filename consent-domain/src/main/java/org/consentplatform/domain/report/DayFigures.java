package org.consentplatform.domain.report;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What happened to the records of a series on one day, so that a sudden drop shows (§12).
 *
 * @param optIns   records that became opted in (a confirmed double opt-in included)
 * @param optOuts  records that became opted out
 * @param expiries opt-ins ended by their lifetime (§10)
 * @param renewals opt-ins given again while still opted in, which restart their lifetime
 */
public record DayFigures(long optIns, long optOuts, long expiries, long renewals) {

    public static final DayFigures ZERO = new DayFigures(0, 0, 0, 0);

    /** What one change adds: a change refused or superseded, or one that changes nothing, adds nothing. */
    public static DayFigures of(ConsentChange change) {
        if (!change.applied() || change.after() == null) {
            return ZERO;
        }
        ConsentState before = change.before() == null ? null : change.before().state();
        if (change.after().expired()) {
            return new DayFigures(0, 0, 1, 0);
        }
        return switch (change.after().state()) {
            case OPTED_IN -> before == ConsentState.OPTED_IN ? new DayFigures(0, 0, 0, 1) : new DayFigures(1, 0, 0, 0);
            case OPTED_OUT -> before == ConsentState.OPTED_OUT ? ZERO : new DayFigures(0, 1, 0, 0);
            case PENDING_CONFIRMATION -> ZERO;
            case null -> ZERO;
        };
    }

    /** Every series' figures added up per day, in day order. */
    public static SortedMap<LocalDate, DayFigures> totals(Map<Series, Map<LocalDate, DayFigures>> bySeries) {
        var totals = new TreeMap<LocalDate, DayFigures>();
        bySeries.values().forEach(days -> days.forEach((day, figures) -> totals.merge(day, figures, DayFigures::plus)));
        return totals;
    }

    public DayFigures plus(DayFigures other) {
        return new DayFigures(optIns + other.optIns, optOuts + other.optOuts, expiries + other.expiries, renewals + other.renewals);
    }

    public boolean isZero() {
        return equals(ZERO);
    }
}
