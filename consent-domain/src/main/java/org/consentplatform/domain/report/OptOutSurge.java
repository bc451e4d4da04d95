package org.consentplatform.domain.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A day whose opt-outs rose well above their recent level, so that a sudden drop in reach is
 * seen (§12) before a campaign finds it: at least {@value #MINIMUM} opt-outs, and at least
 * {@value #FACTOR} times the mean of the {@value #WINDOW} days before it (a quiet week counts as
 * one opt-out a day, so a first burst on a new list shows too).
 *
 * @param baseline the mean daily opt-outs of the days before it
 */
public record OptOutSurge(LocalDate day, long optOuts, double baseline) {

    public static final int WINDOW = 7;
    public static final int FACTOR = 3;
    public static final int MINIMUM = 20;

    /**
     * The surges in a range of days, oldest first. Only days with a whole window before them in
     * the range are judged (what came before {@code from} is not known); a day of the range
     * missing from the map had no change.
     */
    public static List<OptOutSurge> in(SortedMap<LocalDate, DayFigures> days, LocalDate from) {
        var surges = new ArrayList<OptOutSurge>();
        for (Map.Entry<LocalDate, DayFigures> entry : days.tailMap(from.plusDays(WINDOW)).entrySet()) {
            LocalDate day = entry.getKey();
            long optOuts = entry.getValue().optOuts();
            long before = 0;
            for (int back = 1; back <= WINDOW; back++) {
                DayFigures earlier = days.get(day.minusDays(back));
                before += earlier == null ? 0 : earlier.optOuts();
            }
            double baseline = (double) before / WINDOW;
            if (optOuts >= MINIMUM && optOuts >= FACTOR * Math.max(1.0, baseline)) {
                surges.add(new OptOutSurge(day, optOuts, baseline));
            }
        }
        return surges;
    }
}
