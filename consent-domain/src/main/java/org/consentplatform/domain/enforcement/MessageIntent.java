package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message about to go out: for which purpose (and topic) of which profile, to which
 * contact point, and, when the caller knows it, to which contact.
 */
public record MessageIntent(ComplianceProfile profile, Purpose purpose, Topic topic, ContactPoint contactPoint,
                            Contact contact) {

    /** Resolves the identifiers against the profile; a message is sent for a commercial or transactional purpose. */
    public static MessageIntent resolve(ComplianceProfile profile, TechnicalId purposeId, TechnicalId topicId,
                                        ContactPoint contactPoint, Contact contact) {
        Purpose purpose = profile.requirePurpose(purposeId);
        if (purpose.type() == PurposeType.TRACKING) {
            throw new DomainRejection.RuleViolation("tracking-is-not-a-message-purpose",
                    "purpose '" + purposeId + "' is the TRACKING purpose: ask for the message's purpose, the tracking decision comes with it");
        }
        Topic topic = topicId == null ? null : purpose.topic(topicId).orElseThrow(() -> new DomainRejection.NotFound(
                "topic '" + topicId + "' is not defined under purpose '" + purposeId + "'"));
        return new MessageIntent(profile, purpose, topic, contactPoint, contact);
    }

    /**
     * An intent for reading the tracking decision alone (preference pages). Tracking is decided
     * alongside a message, but reads only the TRACKING purpose's record and the contact; the
     * message purpose it stands beside is the profile's first.
     */
    public static MessageIntent forTracking(ComplianceProfile profile, ContactPoint contactPoint, Contact contact) {
        Purpose beside = profile.purposes().stream().filter(p -> p.type() != PurposeType.TRACKING).findFirst().orElseThrow();
        return new MessageIntent(profile, beside, null, contactPoint, contact);
    }

    public RecordKey purposeRecord() {
        return RecordKey.ofPurpose(profile.id(), contactPoint, purpose.id());
    }

    public Optional<RecordKey> topicRecord() {
        return Optional.ofNullable(topic).map(t -> new RecordKey(profile.id(), contactPoint, purpose.id(), t.id()));
    }

    public RecordKey trackingRecord() {
        return RecordKey.ofPurpose(profile.id(), contactPoint, profile.trackingPurpose().id());
    }

    /** Every record the decision reads, so they can be fetched in one go. */
    public List<RecordKey> recordsRead() {
        var keys = new ArrayList<RecordKey>();
        keys.add(purposeRecord());
        topicRecord().ifPresent(keys::add);
        keys.add(trackingRecord());
        return keys;
    }
}
