package org.consentplatform.adapter.in.rest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.profile.LegalBasis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of reports. */
final class ReportJson {

    private ReportJson() {
    }

    @Schema(description = "Records of a series in each state, as counted from the change log")
    public record RecordCounts(long optedIn, long optedOut, long pendingConfirmation, long expired) {
    }

    @Schema(description = "One purpose (or topic) of a profile on one channel: its records by state and how many contact points "
            + "will be sent to (willSend/willNotSend) or, for the TRACKING purpose, tracked (willTrack/willNotTrack). Contact points "
            + "without a record are not counted: permittedWithoutRecord says what happens to them. overdueOptIns are opt-ins past "
            + "their lifetime not yet written down by the expiry job, supersededOptIns those given before a material version of their "
            + "notice took effect where the profile requires consent again; both already count as absent (an opt-in that is both "
            + "is counted once in willSend/willNotSend). Contact-level and minor flags are not in these figures.")
    public record ReachLine(String profileId, String purposeId, String topicId, String channel, Aspect aspect, EnforcementModel model,
                            LegalBasis legalBasis, @JsonInclude(JsonInclude.Include.NON_NULL) String partner, RecordCounts records,
                            long overdueOptIns, long supersededOptIns, @JsonInclude(JsonInclude.Include.NON_NULL) Long willSend,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long willNotSend,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long willTrack,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long willNotTrack, boolean permittedWithoutRecord) {
    }

    public record ReachReport(Instant asOf, List<ReachLine> lines) {
    }

    public record DayLine(LocalDate day, long optIns, long optOuts, long expiries, long renewals) {
    }

    @Schema(description = "A series' figures per UTC day of capture; days without any are left out")
    public record DailySeries(String profileId, String purposeId, String topicId, String channel, List<DayLine> days) {
    }

    public record DailyReport(LocalDate from, LocalDate to, List<DailySeries> series) {
    }

    public record PartnerLine(String partner, List<ReachLine> purposes) {
    }

    public record PartnerReport(Instant asOf, List<PartnerLine> partners) {
    }
}
