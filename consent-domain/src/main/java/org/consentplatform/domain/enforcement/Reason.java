package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.RecordKey;

/**
 * One check of a decision and its verdict.
 *
 * @param permits whether this check alone allows the aspect
 * @param record  the record read, null for checks that read none
 * @param model   the model applied, null for checks that apply none
 * @param state   the record's state, null when absent or not read
 * @param flag    the contact flag read, null for others
 */
public record Reason(Aspect aspect, boolean permits, ReasonCode code, RecordKey record, EnforcementModel model,
                     ConsentState state, String flag, String explanation) {
}
