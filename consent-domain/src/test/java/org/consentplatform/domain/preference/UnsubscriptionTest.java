package org.consentplatform.domain.preference;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnsubscriptionTest {

    static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    static final ComplianceProfile PROFILE = ComplianceProfile.create(PreferencesTest.ACME, new TechnicalId("retail"),
            new ProfileDefinition("Retail", null, List.of(
                    Purpose.define(new TechnicalId("news"), null, PurposeType.COMMERCIAL, LegalBasis.CONSENT, null,
                            List.of(new Topic(new TechnicalId("weekly"), null)), false),
                    Purpose.define(new TechnicalId("offers"), null, PurposeType.COMMERCIAL, LegalBasis.CONSENT, null, null, false),
                    Purpose.define(new TechnicalId("service"), null, PurposeType.TRANSACTIONAL, null, null, null, false)), null));

    private final Map<RecordKey, ConsentState> states = new HashMap<>();

    @Test
    void withoutAPurposeEveryCommercialPurposeIsLeftAndOnlyOnce() {
        Unsubscription all = Unsubscription.of(PROFILE, ANN, null, null);
        states.put(RecordKey.ofPurpose(PROFILE.id(), ANN, new TechnicalId("offers")), ConsentState.OPTED_OUT);

        assertThat(all.captures(states::get, Instant.EPOCH, Evidence.NONE, "c"))
                .extracting(c -> c.key().purposeId().value() + " " + c.state()).containsExactly("news OPTED_OUT");
        states.put(RecordKey.ofPurpose(PROFILE.id(), ANN, new TechnicalId("news")), ConsentState.OPTED_OUT);
        assertThat(all.done(states::get)).isTrue();
        assertThat(all.captures(states::get, Instant.EPOCH, Evidence.NONE, "c")).isEmpty();
    }

    @Test
    void aTopicLinkLeavesTheTopicOnly() {
        var topic = Unsubscription.of(PROFILE, ANN, new TechnicalId("news"), new TechnicalId("weekly"));

        assertThat(topic.records()).containsExactly(new RecordKey(PROFILE.id(), ANN, new TechnicalId("news"), new TechnicalId("weekly")));
    }

    @Test
    void onlyCommercialPurposesCanBeLeftInOneClick() {
        assertThatThrownBy(() -> Unsubscription.of(PROFILE, ANN, new TechnicalId("service"), null))
                .isInstanceOf(DomainRejection.RuleViolation.class);
    }
}
