package org.consentplatform.application.port.in;

import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;

/**
 * A message about to be sent, its identifiers parsed.
 *
 * @param topicId   null for a message about the purpose as a whole
 * @param contactId the recipient's CRM id, null when unknown (then no contact-level flag is read)
 */
public record DecisionQuery(TechnicalId profileId, TechnicalId purposeId, TechnicalId topicId, RawContactPoint contactPoint,
                            TechnicalId contactId) {

    public DecisionQuery {
        InvalidInputs.requireNonNull("profileId", profileId);
        InvalidInputs.requireNonNull("purposeId", purposeId);
        InvalidInputs.requireNonNull("contactPoint", contactPoint);
    }
}
