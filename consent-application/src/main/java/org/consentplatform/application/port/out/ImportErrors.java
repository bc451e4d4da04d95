package org.consentplatform.application.port.out;

import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.shared.Violation;

import java.util.List;
import java.util.function.Consumer;

/** The per-row error report of a load. */
public interface ImportErrors {

    /** Records why a row was rejected; recording the same row again (a resumed batch) changes nothing. */
    void add(String jobId, long line, List<Violation> violations);

    /** Every error of the job in line order, streamed. */
    void forEach(String jobId, Consumer<RowError> consumer);
}
