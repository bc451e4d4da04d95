package org.consentplatform.domain.inbound;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What a mail or SMS provider reported about a contact point: an unsubscribe, a hard bounce or
 * a spam complaint. Each becomes opt-outs (see {@link #optOuts}); none ever opts anyone in.
 *
 * @param id        the provider's event id: the same id is applied once
 * @param purposeId for an unsubscribe from one purpose (with {@code profileId}); null for all commercial ones
 * @param topicId   for an unsubscribe from one topic of that purpose
 * @param provider  who reported it, recorded as the actor
 */
public record InboundEvent(String id, TenantId tenant, Kind kind, ContactPoint contactPoint, TechnicalId profileId,
                           TechnicalId purposeId, TechnicalId topicId, Instant occurredAt, String provider) {

    public enum Kind {
        /** The person asked to receive no more: from one purpose or topic when named, else from all commercial ones. */
        UNSUBSCRIBE,
        /** The address does not exist: commercial messages to it stop. */
        HARD_BOUNCE,
        /** The person marked a message as spam: every commercial purpose is withdrawn. */
        SPAM_COMPLAINT;

        /** A kind as providers write it: {@code unsubscribe}, {@code hard_bounce} or {@code hard-bounce}, any case. */
        public static Kind parse(String raw) {
            InvalidInputs.requiredText("kind", raw, 32);
            try {
                return valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw DomainRejection.InvalidInput.of("kind", "must be unsubscribe, hard_bounce or spam_complaint");
            }
        }
    }

    public InboundEvent {
        id = InvalidInputs.requiredText("id", id, 100);
        InvalidInputs.requireNonNull("tenant", tenant);
        InvalidInputs.requireNonNull("kind", kind);
        InvalidInputs.requireNonNull("contactPoint", contactPoint);
        InvalidInputs.requireNonNull("occurredAt", occurredAt);
        provider = InvalidInputs.requiredText("provider", provider, 64);
        if (purposeId != null && (kind != Kind.UNSUBSCRIBE || profileId == null)) {
            throw DomainRejection.InvalidInput.of("purposeId", "names what to unsubscribe from: only with an unsubscribe and a profileId");
        }
        if (topicId != null && purposeId == null) {
            throw DomainRejection.InvalidInput.of("topicId", "needs its purposeId");
        }
    }

    /**
     * The opt-outs this event stands for, among the tenant's profiles: the named purpose (or
     * topic) of an unsubscribe, otherwise every commercial purpose of the named profile, or of
     * every profile when none is named.
     */
    public List<ConsentCapture> optOuts(Collection<ComplianceProfile> profiles) {
        var captures = new ArrayList<ConsentCapture>();
        for (ComplianceProfile profile : profiles) {
            if (profileId != null && !profile.id().equals(profileId)) {
                continue;
            }
            if (purposeId != null) {
                Purpose purpose = profile.requirePurpose(purposeId);
                if (topicId != null && purpose.topic(topicId).isEmpty()) {
                    throw new DomainRejection.NotFound("topic '" + topicId + "' is not defined under purpose '" + purposeId + "'");
                }
                captures.add(optOut(new RecordKey(profile.id(), contactPoint, purposeId, topicId)));
                continue;
            }
            for (Purpose purpose : profile.purposes()) {
                if (purpose.type() == PurposeType.COMMERCIAL) {
                    captures.add(optOut(RecordKey.ofPurpose(profile.id(), contactPoint, purpose.id())));
                }
            }
        }
        if (profileId != null && captures.isEmpty()) {
            throw new DomainRejection.NotFound("profile '" + profileId + "' does not exist");
        }
        return captures;
    }

    private ConsentCapture optOut(RecordKey key) {
        return new ConsentCapture(key, ConsentState.OPTED_OUT, occurredAt, Source.INBOUND_EVENT,
                new Actor("provider:" + provider), Evidence.NONE, "inbound-event:" + id);
    }
}
