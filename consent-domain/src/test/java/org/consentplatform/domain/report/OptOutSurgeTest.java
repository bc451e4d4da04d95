package org.consentplatform.domain.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** §12: a day whose opt-outs jump well above the week before is flagged; ordinary noise is not. */
class OptOutSurgeTest {

    @ParameterizedTest(name = "{0} → surge on day {1}")
    @CsvSource(delimiter = '|', value = {
            "10 12 9 11 10 13 12 40  | 8",      // three times a week of about 11
            "10 12 9 11 10 13 12 30  | none",   // under three times
            "0 0 0 0 0 0 0 25        | 8",      // a first burst on a quiet list
            "0 0 0 0 0 0 0 19        | none",   // too few to matter
            "30 31 29 30 30 31 30 32 | none",   // a high but steady level
            "5 5 5 5 5 5 5 60 5      | 8",      // the day after is not one
            "60 5 5                  | none",   // the first days have no week before them in the range
    })
    void aDayIsASurgeWhenItsOptOutsAreThreeTimesTheWeekBefore(String counts, String expected) {
        var days = new TreeMap<LocalDate, DayFigures>();
        long[] optOuts = Arrays.stream(counts.trim().split(" +")).mapToLong(Long::parseLong).toArray();
        LocalDate first = LocalDate.of(2026, 11, 1);
        for (int i = 0; i < optOuts.length; i++) {
            days.put(first.plusDays(i), new DayFigures(3, optOuts[i], 0, 0));
        }

        List<OptOutSurge> surges = OptOutSurge.in(days, first);

        assertThat(surges).extracting(surge -> String.valueOf(surge.day().getDayOfMonth()))
                .containsExactlyElementsOf(expected.equals("none") ? List.of() : List.of(expected));
    }

    @org.junit.jupiter.api.Test
    void aDayWithoutAnyChangeIsMissingFromTheFiguresAndCountsAsQuiet() {
        var days = new TreeMap<LocalDate, DayFigures>();
        LocalDate first = LocalDate.of(2026, 11, 1);
        days.put(first.plusDays(8), new DayFigures(0, 21, 0, 0));

        assertThat(OptOutSurge.in(days, first)).containsExactly(new OptOutSurge(first.plusDays(8), 21, 0.0));
    }
}
