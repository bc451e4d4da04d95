package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.RecordKey;

/**
 * One check of a decision and its verdict. The sentence that explains it is derived on
 * demand, so deciding millions of messages builds no text nobody reads.
 *
 * @param permits whether this check alone allows the aspect
 * @param record  the record read (for TRACKING_NOT_APPLICABLE: the tracking purpose's), null for flag checks
 * @param model   the model applied, null for checks that apply none
 * @param state   the record's state, null when absent or not read
 * @param flag    the contact flag read, null for others
 */
public record Reason(Aspect aspect, boolean permits, ReasonCode code, RecordKey record, EnforcementModel model,
                     ConsentState state, String flag) {

    /** Why, in one English sentence. */
    public String explanation() {
        return switch (code) {
            case PURPOSE_CONSENT, TOPIC_CONSENT, TRACKING_CONSENT -> subject() + " on " + record.contactPoint().channel()
                    + " is " + model + " and the record is " + (state == null ? "absent" : state) + ": " + verdict();
            case ERASED -> "the contact point was erased at the person's request: no " + (aspect == Aspect.MESSAGE
                    ? "commercial message" : "tracking") + " until the person opts in again: " + verdict();
            case CONSENT_EXPIRED -> subject() + " on " + record.contactPoint().channel() + " is " + model
                    + " and its opt-in has expired (older than the purpose's consent lifetime), so it counts as absent: " + verdict();
            case MINOR_WITHOUT_GUARDIAN -> subject() + " on " + record.contactPoint().channel() + " is " + model
                    + " and the address belongs to a minor whose opt-in no parent or guardian gave, so it counts as absent: " + verdict();
            case NOTICE_SUPERSEDED -> subject() + " on " + record.contactPoint().channel() + " is " + model
                    + " and its opt-in was given under a notice that a material version has since superseded, so it counts as absent "
                    + "until the person agrees again: " + verdict();
            case PENDING_CONFIRMATION -> subject() + " requires double opt-in and the opt-in is not confirmed yet: "
                    + "blocked whatever the model";
            case CONTACT_FLAG -> "contact flag " + flag + " is " + (permits ? "not set" : "set") + ": " + verdict();
            case CONTACT_NOT_GIVEN -> "contact-level checks are on but no contact was named: legacy flags not checked";
            case TRACKING_NOT_APPLICABLE -> "tracking purpose '" + record.purposeId() + "' has no enforcement model on "
                    + record.contactPoint().channel() + ": no tracking";
        };
    }

    private String subject() {
        return record.topic().map(t -> "topic '" + t + "' of purpose '" + record.purposeId() + "'")
                .orElse("purpose '" + record.purposeId() + "'");
    }

    private String verdict() {
        return switch (aspect) {
            case MESSAGE -> permits ? "send" : "block";
            case TRACKING -> permits ? "track" : "no track";
        };
    }
}
