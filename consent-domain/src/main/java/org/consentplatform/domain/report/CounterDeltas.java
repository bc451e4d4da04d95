package org.consentplatform.domain.report;

import org.consentplatform.domain.consent.ConsentChange;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run of changes adds to the report counters: per series, how many records moved into
 * and out of each state, and per series and day (UTC, of the capture) the figures of
 * {@link DayFigures}. Adding the deltas of every change ever made gives the current counts.
 */
public final class CounterDeltas {

    /** One series' figures on one day. */
    public record Day(Series series, LocalDate day) {
    }

    private final Map<Series, Map<CountedState, Long>> states = new LinkedHashMap<>();
    private final Map<Day, DayFigures> days = new LinkedHashMap<>();

    public static CounterDeltas of(List<ConsentChange> changes) {
        var deltas = new CounterDeltas();
        changes.forEach(deltas::add);
        return deltas;
    }

    private void add(ConsentChange change) {
        if (!change.applied()) {
            return;
        }
        Series series = Series.of(change.tenant(), change.key());
        Optional<CountedState> before = CountedState.of(change.before());
        Optional<CountedState> after = CountedState.of(change.after());
        if (!before.equals(after)) {
            Map<CountedState, Long> counts = states.computeIfAbsent(series, s -> new EnumMap<>(CountedState.class));
            before.ifPresent(state -> counts.merge(state, -1L, Long::sum));
            after.ifPresent(state -> counts.merge(state, 1L, Long::sum));
            counts.values().removeIf(delta -> delta == 0);
        }
        DayFigures figures = DayFigures.of(change);
        if (!figures.isZero()) {
            days.merge(new Day(series, LocalDate.ofInstant(change.capturedAt(), ZoneOffset.UTC)), figures, DayFigures::plus);
        }
    }

    /** Per series, the change in the number of records in each state; series and states left unchanged are left out. */
    public Map<Series, Map<CountedState, Long>> states() {
        var changed = new LinkedHashMap<Series, Map<CountedState, Long>>();
        states.forEach((series, counts) -> {
            if (!counts.isEmpty()) {
                changed.put(series, Collections.unmodifiableMap(counts));
            }
        });
        return Collections.unmodifiableMap(changed);
    }

    public Map<Day, DayFigures> days() {
        return Collections.unmodifiableMap(days);
    }
}
