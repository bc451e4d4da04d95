package org.consentplatform.domain.load;

/**
 * What became of the rows read so far. A row is applied when it changed a record, superseded
 * when everything it said was older than the records' consent (§6), unchanged when it had been
 * loaded before (by this file or an earlier one), rejected when it broke a rule.
 */
public record RowCounts(long read, long applied, long superseded, long unchanged, long rejected) {

    public static final RowCounts NONE = new RowCounts(0, 0, 0, 0, 0);

    public RowCounts plus(RowOutcome outcome) {
        return switch (outcome) {
            case APPLIED -> new RowCounts(read + 1, applied + 1, superseded, unchanged, rejected);
            case SUPERSEDED -> new RowCounts(read + 1, applied, superseded + 1, unchanged, rejected);
            case UNCHANGED -> new RowCounts(read + 1, applied, superseded, unchanged + 1, rejected);
            case REJECTED -> new RowCounts(read + 1, applied, superseded, unchanged, rejected + 1);
        };
    }

    public RowCounts plus(RowCounts other) {
        return new RowCounts(read + other.read, applied + other.applied, superseded + other.superseded, unchanged + other.unchanged,
                rejected + other.rejected);
    }

    /** What became of one row. */
    public enum RowOutcome {
        APPLIED, SUPERSEDED, UNCHANGED, REJECTED
    }
}
