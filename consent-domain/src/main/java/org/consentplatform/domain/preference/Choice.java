package org.consentplatform.domain.preference;

import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;

/**
 * One box on a preference page: a purpose, or a topic under it. Its text form,
 * {@code purpose} or {@code purpose/topic}, is what the page's form sends ('/' is never part of
 * a technical identifier).
 */
public record Choice(TechnicalId purposeId, TechnicalId topicId) {

    public static Choice parse(String raw) {
        if (raw == null) {
            throw DomainRejection.InvalidInput.of("choice", "is empty");
        }
        int slash = raw.indexOf('/');
        return slash < 0
                ? new Choice(TechnicalId.parse("choice", raw), null)
                : new Choice(TechnicalId.parse("choice", raw.substring(0, slash)), TechnicalId.parse("choice", raw.substring(slash + 1)));
    }

    public RecordKey recordKey(TechnicalId profileId, ContactPoint contactPoint) {
        return new RecordKey(profileId, contactPoint, purposeId, topicId);
    }

    public String value() {
        return topicId == null ? purposeId.value() : purposeId.value() + "/" + topicId.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
