package org.consentplatform.application.port.in;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.preference.Choice;
import org.consentplatform.domain.preference.Preferences;
import org.consentplatform.domain.preference.RecipientLink;
import org.consentplatform.domain.preference.SubscriptionCenter;
import org.consentplatform.domain.preference.Unsubscription;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;
import java.util.Set;

/**
 * The recipient's side (domain rules §7 and §8, RFC 8058): the links a message carries, and the
 * pages they open. A page is given the link it was opened with, already unsealed and in date;
 * it reads and writes only what that link names.
 */
public interface RecipientPreferences {

    /**
     * For which person links are wanted. A contact point gives the preference and unsubscribe
     * links; a contact (of type CONTACT) gives the subscription center link, and its flags
     * pre-fill the preference page when a contact point is given too.
     *
     * @param purposeId the purpose one-click unsubscribe leaves; null: every commercial purpose
     * @param topicId   a topic under that purpose to leave instead, or null
     */
    record LinkRequest(TechnicalId profileId, RawContactPoint contactPoint, TechnicalId contactId, TechnicalId purposeId,
                       TechnicalId topicId) {

        public LinkRequest {
            InvalidInputs.requireNonNull("profileId", profileId);
            if (contactPoint == null && contactId == null) {
                throw DomainRejection.InvalidInput.of("address", "give a channel and address, a contactId, or both");
            }
        }
    }

    /** The person behind a page request: evidence for the changes, and the request's correlation id. */
    record Visitor(String clientAddress, String userAgent, String correlationId, String locale) {
    }

    /** What a submission did. */
    enum Outcome {
        /** Changes were written (some opt-ins may wait for their confirmation mail). */
        SAVED,
        /** Nothing to write: the page was sent back as shown. */
        UNCHANGED,
        /** The records changed since the page was shown: nothing was written, the page shows them now. */
        STALE
    }

    record PreferencesSaved(Outcome outcome, Preferences page, List<ConsentChange> changes) {
    }

    record SubscriptionsSaved(Outcome outcome, SubscriptionCenter page, List<ConsentChange> changes) {
    }

    record Unsubscribed(Unsubscription unsubscription, List<ConsentChange> changes) {
        /** Nothing was written: every record had been opted out before. */
        public boolean already() {
            return changes.isEmpty();
        }
    }

    /**
     * What a page request's Global Privacy Control signal did (§14): honoured when the tenant
     * honours it and the profile shares something with a partner; the withdrawals it wrote.
     */
    record PrivacySignal(boolean honoured, List<ConsentChange> changes) {
        public static final PrivacySignal NOT_HONOURED = new PrivacySignal(false, List.of());
    }

    /** The links for a message, each checked against the tenant's configuration and contacts. */
    List<RecipientLink> links(TenantId tenant, LinkRequest request);

    Preferences preferences(RecipientLink link);

    /**
     * The preference page was requested with Global Privacy Control ({@code Sec-GPC: 1}): every
     * purpose of the profile that names a partner is withdrawn for the link's contact point
     * (source PREFERENCE_CENTER, the signal as evidence), unless the tenant turned this off.
     */
    PrivacySignal honourGlobalPrivacyControl(RecipientLink link, Visitor visitor);

    /**
     * @param chosen      the boxes ticked on submission
     * @param fingerprint the page's fingerprint as it was shown
     */
    PreferencesSaved savePreferences(RecipientLink link, Set<Choice> chosen, String fingerprint, Visitor visitor);

    SubscriptionCenter subscriptions(RecipientLink link);

    /**
     * @param submitted the flags as set on the page: set means "blocked"
     * @param shown     the flags as the page showed them, to notice records changed meanwhile
     */
    SubscriptionsSaved saveSubscriptions(RecipientLink link, LegacyFlags submitted, LegacyFlags shown, Visitor visitor);

    /** What the unsubscribe link would do, changing nothing (a GET, or a mail scanner). */
    Unsubscription unsubscription(RecipientLink link);

    Unsubscribed unsubscribe(RecipientLink link, Visitor visitor);
}
