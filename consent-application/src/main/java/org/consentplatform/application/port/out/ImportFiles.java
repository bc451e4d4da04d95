package org.consentplatform.application.port.out;

import org.consentplatform.domain.load.ImportRow;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.tenant.TenantId;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

/** Uploaded files, stored durably as they stream in, and read back row by row. */
public interface ImportFiles {

    /** What was stored: its size and an upper bound of its rows (its lines). */
    record Stored(long bytes, long lines) {
    }

    /**
     * Streams the upload to storage, never holding it whole.
     *
     * @throws org.consentplatform.domain.shared.DomainRejection.InvalidInput when it is larger than allowed
     */
    Stored store(TenantId tenant, String jobId, String fileName, InputStream content);

    /**
     * Opens the file's rows from a line on (earlier rows are read past, not processed).
     *
     * @throws Unreadable when the file cannot be read at all (no header, not the format it claims)
     */
    Rows open(TenantId tenant, String jobId, ImportSpec.Format format, long fromLine);

    void delete(String jobId);

    /** Rows in file order; each row a line number and its cells, or why it could not be read. */
    interface Rows extends Iterator<ImportRow>, AutoCloseable {

        /** The column names the file declares (a CSV's header; for NDJSON, empty: every row names its own). */
        Set<String> header();

        @Override
        void close();
    }

    /** The file as a whole cannot be read. */
    final class Unreadable extends RuntimeException {
        public Unreadable(String reason) {
            super(reason);
        }
    }
}
