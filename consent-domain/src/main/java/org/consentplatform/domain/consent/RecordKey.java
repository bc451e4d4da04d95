package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;

import java.util.Optional;

/** What one consent record is about: (profile, contact point, purpose, optional topic) within a tenant. */
public record RecordKey(TechnicalId profileId, ContactPoint contactPoint, TechnicalId purposeId, TechnicalId topicId) {

    public RecordKey {
        InvalidInputs.requireNonNull("profileId", profileId);
        InvalidInputs.requireNonNull("contactPoint", contactPoint);
        InvalidInputs.requireNonNull("purposeId", purposeId);
    }

    public static RecordKey ofPurpose(TechnicalId profileId, ContactPoint contactPoint, TechnicalId purposeId) {
        return new RecordKey(profileId, contactPoint, purposeId, null);
    }

    public Optional<TechnicalId> topic() {
        return Optional.ofNullable(topicId);
    }

    /** The same key with its contact point known only by its pseudonym: how the store files the record. */
    public RecordKey withheld(String pseudonym) {
        return new RecordKey(profileId, ContactPoint.withheld(contactPoint.channel(), pseudonym), purposeId, topicId);
    }

    /** Stable text form: {@code profile|<contact point key>|purpose|topic}; only the contact point's key may hold '||'. */
    public String value() {
        return profileId + "|" + contactPoint.key() + "|" + purposeId + "|" + (topicId == null ? "" : topicId.value());
    }

    @Override
    public String toString() {
        return value();
    }
}
