package org.consentplatform.domain.load;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A load of one file (§9): queued when the file is stored, then read in batches by one
 * instance at a time. After each batch the job keeps the line to go on from and the counts so
 * far, so a job taken over after a crash resumes where the last batch ended.
 *
 * @param totalRows   rows in the file (counted while it was stored), for the estimate of time left
 * @param nextLine    the first line not yet processed
 * @param failure     why a FAILED job stopped
 */
public record ImportJob(String id, TenantId tenant, ImportSpec spec, String fileName, long totalRows, State state,
                        RowCounts counts, long nextLine, Instant createdAt, Instant startedAt, Instant finishedAt,
                        String failure, boolean cancelRequested) {

    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

        public boolean finished() {
            return this == COMPLETED || this == FAILED || this == CANCELLED;
        }
    }

    /**
     * A file's name as a job keeps and shows it: the name the uploader sent, with anything but
     * letters, digits, {@code . _ -} and spaces replaced, at most 200 characters ("upload" when none).
     */
    public static String fileNameOf(String sent) {
        String name = sent == null || sent.isBlank() ? "upload" : sent;
        String safe = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return safe.length() > 200 ? safe.substring(0, 200) : safe;
    }

    public static ImportJob queued(String id, TenantId tenant, ImportSpec spec, String fileName, long totalRows, Instant now) {
        return new ImportJob(id, tenant, spec, fileName, totalRows, State.QUEUED, RowCounts.NONE, 1, now, null, null, null, false);
    }

    /** Who the audit names for every change of this load. */
    public Actor actor() {
        return new Actor("import:" + id);
    }

    /** The correlation id of the changes a row made: the job and the line. */
    public String correlationOf(long line) {
        return "import:" + id + ":" + line;
    }

    public ImportJob started(Instant now) {
        return new ImportJob(id, tenant, spec, fileName, totalRows, State.RUNNING, counts, nextLine, createdAt,
                startedAt == null ? now : startedAt, null, null, cancelRequested);
    }

    /** A batch is done: rows up to {@code nextLine} (exclusive) are processed. */
    public ImportJob progressed(RowCounts newCounts, long newNextLine) {
        return new ImportJob(id, tenant, spec, fileName, totalRows, state, newCounts, newNextLine, createdAt, startedAt, null,
                null, cancelRequested);
    }

    public ImportJob completed(Instant now) {
        return finish(State.COMPLETED, null, now);
    }

    public ImportJob failed(String reason, Instant now) {
        return finish(State.FAILED, reason, now);
    }

    public ImportJob cancelled(Instant now) {
        return finish(State.CANCELLED, null, now);
    }

    private ImportJob finish(State finalState, String reason, Instant now) {
        return new ImportJob(id, tenant, spec, fileName, totalRows, finalState, counts, nextLine, createdAt, startedAt, now,
                reason, cancelRequested);
    }

    /** Rows per second since the job started (0 before). */
    public double rowsPerSecond(Instant now) {
        if (startedAt == null || counts.read() == 0) {
            return 0;
        }
        Instant end = finishedAt == null ? now : finishedAt;
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        return counts.read() / seconds;
    }

    /** Time left at the current pace; empty before there is a pace or once finished. */
    public Optional<Duration> timeLeft(Instant now) {
        double pace = rowsPerSecond(now);
        if (state.finished() || pace <= 0) {
            return state.finished() ? Optional.of(Duration.ZERO) : Optional.empty();
        }
        long left = Math.max(0, totalRows - counts.read());
        return Optional.of(Duration.ofMillis((long) (left / pace * 1000)));
    }
}
