package org.consentplatform.adapter.in.rest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.profile.LegalBasis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of consents: captures, records, their changes, engagement and receipts. */
final class ConsentJson {

    private ConsentJson() {
    }

    public record Evidence(String wordingVersion, String formId, String clientAddress, String userAgent,
                           @Schema(description = "The parent or guardian who gave consent for a minor (a name, an id in your system)")
                           String guardian,
                           @Schema(description = "Why an operator made the change; required when source is OPERATOR")
                           String reason,
                           @Schema(description = "The notice version the person saw, <notice id>@<version>, set from the capture's notice",
                                   accessMode = Schema.AccessMode.READ_ONLY)
                           String notice,
                           @Schema(description = "SHA-256 (hex) of that version's texts", accessMode = Schema.AccessMode.READ_ONLY)
                           String noticeHash) {
    }

    @Schema(description = "The notice version the person saw (domain rules §15): it must be a version of the notice of the "
            + "captured purpose or topic")
    public record NoticeSeen(String id, String version) {
    }

    @Schema(description = "A person's consent decision. capturedAt is when the person gave it; source defaults to API.")
    public record Capture(String profileId, String channel, String address, String purposeId, String topicId,
                          ConsentState state, Instant capturedAt, Source source, Evidence evidence,
                          @Schema(description = "The person's language (BCP 47, e.g. fr-FR): a double opt-in mail is written in it when we can, else in the profile's default language", example = "fr-FR")
                          String locale,
                          NoticeSeen notice) {
    }

    public record CaptureBatch(List<Capture> items) {
    }

    @Schema(description = "Proof that a person engaged (opened, clicked, bought) under an opt-in: renews it when its purpose allows")
    public record Engagement(String profileId, String channel, String address, String purposeId, String topicId,
                             Instant engagedAt, Evidence evidence) {
    }

    public record RecordState(ConsentState state, Instant capturedAt, Source source, Evidence evidence) {
    }

    @Schema(description = "Why a rule refused a capture: the rule as the 422 named it, and what it requires")
    public record Rejection(String rule, String reason) {
    }

    @Schema(description = "One immutable entry of a record's history. after is the record once the change was taken into account. "
            + "An EXPIRY change (an opt-in past its purpose's consent lifetime) requests no state and leaves after.state null: "
            + "the record counts as absent from after.capturedAt, when the opt-in expired. A REJECTED change is an attempt a rule "
            + "refused (the caller got a 422): it carries the rejection and leaves after equal to before.")
    public record Change(String id, String profileId, String channel, String address, String purposeId, String topicId,
                         long seq, ChangeOutcome outcome,
                         @Schema(description = "Only on a REJECTED change") @JsonInclude(JsonInclude.Include.NON_NULL) Rejection rejection,
                         ConsentState requestedState, RecordState before, RecordState after,
                         Instant capturedAt, Instant recordedAt, Source source,
                         @Schema(description = "The token's subject; for a service account an opaque id, see actorClient") String actor,
                         @Schema(description = "The OAuth client the subject acted through (the token's azp, client_id or cid), when it is not the subject")
                         @JsonInclude(JsonInclude.Include.NON_NULL) String actorClient,
                         Evidence evidence, String correlationId,
                         @Schema(description = "In exports: the purpose's legal basis, as the profile states it now")
                         @JsonInclude(JsonInclude.Include.NON_NULL) LegalBasis legalBasis,
                         @Schema(description = "In exports: the partner the purpose shares data with, if any")
                         @JsonInclude(JsonInclude.Include.NON_NULL) String partner) {

        Change withPurpose(LegalBasis basis, String partnerName) {
            return new Change(id, profileId, channel, address, purposeId, topicId, seq, outcome, rejection, requestedState, before,
                    after, capturedAt, recordedAt, source, actor, actorClient, evidence, correlationId, basis, partnerName);
        }
    }

    public record ChangeList(List<Change> items) {
    }

    public record ContactPointQuery(String channel, String address, String profileId) {
    }

    public record ConsentRecord(String profileId, String channel, String address, String purposeId, String topicId,
                                ConsentState state, Instant capturedAt, Source source, Evidence evidence, long seq) {
    }

    public record ConsentRecordList(List<ConsentRecord> items) {
    }

    @Schema(description = "A consent receipt: the compact RS256 JWS to keep or hand to the person, and its claims in clear.")
    public record Receipt(String jws, Map<String, Object> claims) {
    }
}
