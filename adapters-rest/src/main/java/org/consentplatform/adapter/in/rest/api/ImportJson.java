package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consentplatform.domain.load.ImportShape;
import org.consentplatform.domain.load.ImportSpec;

import java.time.Instant;
import java.util.Map;

/** The JSON shapes of loads. */
final class ImportJson {

    private ImportJson() {
    }

    @Schema(description = "A subscription list's topic: its members opt in to it.")
    public record ListTopic(String purposeId, String topicId) {
    }

    @Schema(description = "What a load does with its file. profileId, lists and capturedAt are for LEGACY_CONTACTS rows.")
    public record ImportRequest(ImportShape shape, ImportSpec.Format format, String profileId, Map<String, ListTopic> lists,
                                @Schema(description = "when the legacy system last held the rows, for rows without a capturedAt cell")
                                Instant capturedAt) {
    }

    public record ImportCounts(long read, long applied, long superseded, long unchanged, long rejected) {
    }

    @Schema(description = "A load and its progress. unchanged rows had been loaded before; rejected rows are in the error report.")
    public record ImportJob(String id, ImportShape shape, ImportSpec.Format format, String profileId, String fileName,
                            ImportJobState state, long totalRows, ImportCounts counts, double rowsPerSecond,
                            @Schema(description = "ISO 8601 duration at the current pace") String timeLeft,
                            Instant createdAt, Instant startedAt, Instant finishedAt, String failure, boolean cancelRequested) {
    }

    public enum ImportJobState { QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED }
}
