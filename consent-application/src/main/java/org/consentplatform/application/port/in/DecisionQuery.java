package org.consentplatform.application.port.in;

/**
 * A message about to be sent, as the caller names it.
 *
 * @param topicId   null for a message about the purpose as a whole
 * @param contactId the recipient's CRM id, null when unknown (then no contact-level flag is read)
 */
public record DecisionQuery(String profileId, String purposeId, String topicId, String channel, String address,
                            String contactId) {
}
