package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A profile with one purpose of each type, whose models the test chooses, and a map of record states. */
final class Fixtures {

    static final TenantId TENANT = new TenantId("acme");
    static final TechnicalId PROFILE = new TechnicalId("retail");
    static final ContactPoint EMAIL = new ContactPoint(Channel.EMAIL, "ann@example.com");
    static final ContactPoint SMS = new ContactPoint(Channel.SMS, "+33612345678");
    static final TechnicalId COMMERCIAL = new TechnicalId("commercial");
    static final TechnicalId TRANSACTIONAL = new TechnicalId("transactional");
    static final TechnicalId TRACKING = new TechnicalId("tracking");
    static final TechnicalId TOPIC = new TechnicalId("newsletter");

    static final TenantSettings CHECK_FLAGS = TenantSettings.DEFAULTS;
    static final TenantSettings NO_FLAGS = new TenantSettings(false, true, null, List.of());

    final Map<RecordKey, ConsentState> states = new HashMap<>();
    EnforcementModel commercialModel = EnforcementModel.NON_RESTRICTIVE;
    EnforcementModel transactionalModel = EnforcementModel.DISABLED;
    EnforcementModel trackingModel = EnforcementModel.RESTRICTIVE;
    boolean doubleOptIn;

    ComplianceProfile profile(Channel channel) {
        return ComplianceProfile.create(TENANT, PROFILE, new ProfileDefinition("Retail", null, List.of(
                Purpose.define(COMMERCIAL, null, PurposeType.COMMERCIAL, LegalBasis.CONSENT, Map.of(channel, commercialModel),
                        List.of(new Topic(TOPIC, "Newsletter")), doubleOptIn),
                Purpose.define(TRANSACTIONAL, null, PurposeType.TRANSACTIONAL, null, Map.of(channel, transactionalModel), null, false),
                Purpose.define(TRACKING, null, PurposeType.TRACKING, null, Map.of(channel, trackingModel), null, false)),
                null));
    }

    Fixtures state(ContactPoint cp, TechnicalId purpose, TechnicalId topic, ConsentState state) {
        states.put(new RecordKey(PROFILE, cp, purpose, topic), state);
        return this;
    }

    Decision decide(ContactPoint cp, TechnicalId purpose, TechnicalId topic, Contact contact, TenantSettings settings) {
        MessageIntent intent = MessageIntent.resolve(profile(cp.channel()), purpose, topic, cp, contact);
        return EnforcementPolicy.decide(intent, settings, states::get);
    }

    static Contact contact(EntityType type, LegacyFlags flags) {
        return new Contact(TENANT, new TechnicalId("c-1"), type, flags, List.of(EMAIL));
    }

    static ConsentState state(String cell) {
        return switch (cell) {
            case "absent" -> null;
            default -> ConsentState.valueOf(cell);
        };
    }
}
