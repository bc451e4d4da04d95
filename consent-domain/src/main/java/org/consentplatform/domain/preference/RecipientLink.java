package org.consentplatform.domain.preference;

import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

/**
 * What a link placed in a message lets the person who holds it do, and for whom: one use, in
 * one profile, for one contact point (or, for the subscription center, one contact). Links are
 * sealed before they leave the platform, so whoever presents one can neither read nor change it.
 *
 * @param contactPoint the contact point; null only for the subscription center
 * @param contactId    the contact the message went to, if known; required for the subscription center
 * @param purposeId    unsubscribe only: the purpose to leave; null means every COMMERCIAL purpose
 * @param topicId      unsubscribe only: the topic under that purpose to leave, or null
 */
public record RecipientLink(Use use, TenantId tenant, TechnicalId profileId, ContactPoint contactPoint, TechnicalId contactId,
                            TechnicalId purposeId, TechnicalId topicId) {

    /** The page a link opens; a link opens no other. */
    public enum Use {
        PREFERENCES, SUBSCRIPTIONS, UNSUBSCRIBE
    }

    public RecipientLink {
        InvalidInputs.requireNonNull("use", use);
        InvalidInputs.requireNonNull("tenant", tenant);
        InvalidInputs.requireNonNull("profileId", profileId);
        if (use == Use.SUBSCRIPTIONS ? contactId == null : contactPoint == null) {
            throw new IllegalArgumentException(use + " links need a " + (use == Use.SUBSCRIPTIONS ? "contact" : "contact point"));
        }
        if (use != Use.UNSUBSCRIBE && (purposeId != null || topicId != null)) {
            throw new IllegalArgumentException("only unsubscribe links name a purpose or topic");
        }
        if (topicId != null && purposeId == null) {
            throw DomainRejection.InvalidInput.of("topicId", "needs the purposeId it belongs to");
        }
    }
}
