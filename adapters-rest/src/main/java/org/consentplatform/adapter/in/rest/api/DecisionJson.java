package org.consentplatform.adapter.in.rest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.enforcement.ReasonCode;
import org.consentplatform.domain.profile.LegalBasis;

import java.util.List;
import java.util.Map;

/** The JSON shapes of decisions: one, explained, or one line of a batch. */
final class DecisionJson {

    private DecisionJson() {
    }

    @Schema(description = "A message about to be sent. contactId names the CRM contact, so its legacy flags are checked.")
    public record DecisionRequest(String profileId, String purposeId, String topicId, String channel, String address,
                                  String contactId) {
    }

    @Schema(description = "One check of a decision. explanation (a sentence) is given by the explanation endpoint only.")
    public record Reason(Aspect aspect, boolean permits, ReasonCode code, String purposeId, String topicId,
                         EnforcementModel model, ConsentState state, String flag,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String explanation) {
    }

    @Schema(description = "A decision, with the legal basis of the message's purpose and the partner it shares data with (if any).")
    public record Decision(boolean send, boolean track, List<Reason> reasons, LegalBasis legalBasis,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String partner) {
    }

    public record ConsultedRecord(String purposeId, String topicId, ConsentJson.RecordState current) {
    }

    public record Explanation(boolean send, boolean track, List<Reason> reasons, List<ConsultedRecord> records,
                              ContactJson.Contact contact, boolean contactLevelConsentChecked, LegalBasis legalBasis,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String partner) {
    }

    @Schema(description = "One line of a batch answer: the decision and the codes of the checks that blocked, or a problem.")
    public record BatchDecision(long line, Boolean send, Boolean track, List<ReasonCode> blockedBy,
                                Map<String, Object> problem) {
    }
}
