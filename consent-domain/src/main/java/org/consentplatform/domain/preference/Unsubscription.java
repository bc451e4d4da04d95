package org.consentplatform.domain.preference;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;

import java.time.Instant;
import java.util.List;

/**
 * A one-click unsubscribe (RFC 8058): the contact point leaves one commercial purpose (or one
 * topic under it), or every commercial purpose of the profile. An opt-out never waits for
 * anything, and unsubscribing twice writes nothing the second time.
 *
 * @param purposes the purposes left, with the topic when only a topic is left
 */
public record Unsubscription(ComplianceProfile profile, ContactPoint contactPoint, List<Purpose> purposes, Topic topic) {

    public Unsubscription {
        purposes = List.copyOf(purposes);
    }

    /**
     * @param purposeId null: every commercial purpose of the profile
     * @param topicId   a topic of that purpose, or null
     */
    public static Unsubscription of(ComplianceProfile profile, ContactPoint contactPoint, TechnicalId purposeId, TechnicalId topicId) {
        if (purposeId == null) {
            return new Unsubscription(profile, contactPoint,
                    profile.purposes().stream().filter(p -> p.type() == PurposeType.COMMERCIAL).toList(), null);
        }
        Purpose purpose = profile.requirePurpose(purposeId);
        if (purpose.type() != PurposeType.COMMERCIAL) {
            throw new DomainRejection.RuleViolation("unsubscribe-from-commercial",
                    "purpose '" + purposeId + "' is " + purpose.type() + ": one-click unsubscribe leaves commercial purposes");
        }
        Topic topic = topicId == null ? null : purpose.topic(topicId).orElseThrow(() -> new DomainRejection.NotFound(
                "topic '" + topicId + "' is not defined under purpose '" + purposeId + "'"));
        return new Unsubscription(profile, contactPoint, List.of(purpose), topic);
    }

    public List<RecordKey> records() {
        return purposes.stream()
                .map(purpose -> new RecordKey(profile.id(), contactPoint, purpose.id(), topic == null ? null : topic.id()))
                .toList();
    }

    /** Whether every record is opted out already. */
    public boolean done(RecordStates states) {
        return records().stream().allMatch(key -> states.stateOf(key) == ConsentState.OPTED_OUT);
    }

    /** An opt-out for each record not opted out yet. */
    public List<ConsentCapture> captures(RecordStates states, Instant at, Evidence evidence, String correlationId) {
        return records().stream()
                .filter(key -> states.stateOf(key) != ConsentState.OPTED_OUT)
                .map(key -> new ConsentCapture(key, ConsentState.OPTED_OUT, at, Source.PREFERENCE_CENTER, Actor.RECIPIENT,
                        evidence, correlationId))
                .toList();
    }
}
