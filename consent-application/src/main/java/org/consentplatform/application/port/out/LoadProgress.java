package org.consentplatform.application.port.out;

import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.RowCounts;

/** Told what each stored batch of a load did and how each load ended, on the instance that ran it (the meters listen). */
public interface LoadProgress {

    LoadProgress NONE = new LoadProgress() {
        @Override
        public void batchStored(RowCounts batch) {
        }

        @Override
        public void ended(ImportJob job) {
        }
    };

    /** A batch's rows, by outcome, once the job's position after it is stored. */
    void batchStored(RowCounts batch);

    /** The job completed, failed or was cancelled. */
    void ended(ImportJob job);
}
