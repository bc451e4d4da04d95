package org.consentplatform.adapter.in.console.pages;

import org.consentplatform.domain.report.DayFigures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Where the bars of the daily figures go in the page's SVG: one group per day, one bar per
 * figure, scaled to the largest. Drawing only: the figures are the report's.
 */
public record DailyChart(int width, int height, long max, List<Bar> bars, List<Tick> ticks) {

    /** One figure of one day; {@code kind} is the stylesheet's class (its colour). */
    public record Bar(double x, double y, double width, double height, String kind, LocalDate day, long value) {
    }

    /** A date under the axis. */
    public record Tick(double x, LocalDate day) {
    }

    static final int WIDTH = 760;
    static final int HEIGHT = 220;
    static final int AXIS = 20;
    private static final String[] KINDS = {"opt-ins", "opt-outs", "expiries", "renewals"};

    static DailyChart of(SortedMap<LocalDate, DayFigures> totals, LocalDate from, LocalDate to) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        long max = 1;
        for (DayFigures figures : totals.values()) {
            max = Math.max(max, Math.max(Math.max(figures.optIns(), figures.optOuts()), Math.max(figures.expiries(), figures.renewals())));
        }
        double slot = (double) WIDTH / days;
        double bar = Math.max(1, (slot - 2) / KINDS.length);
        double plot = HEIGHT - AXIS;
        var bars = new ArrayList<Bar>();
        var ticks = new ArrayList<Tick>();
        for (int i = 0; i < days; i++) {
            LocalDate day = from.plusDays(i);
            DayFigures figures = totals.getOrDefault(day, DayFigures.ZERO);
            long[] values = {figures.optIns(), figures.optOuts(), figures.expiries(), figures.renewals()};
            for (int k = 0; k < KINDS.length; k++) {
                double h = plot * values[k] / max;
                bars.add(new Bar(i * slot + 1 + k * bar, plot - h, bar, h, KINDS[k], day, values[k]));
            }
            if (i % Math.max(1, days / 6) == 0) {
                ticks.add(new Tick(i * slot, day));
            }
        }
        return new DailyChart(WIDTH, HEIGHT, max, List.copyOf(bars), List.copyOf(ticks));
    }
}
