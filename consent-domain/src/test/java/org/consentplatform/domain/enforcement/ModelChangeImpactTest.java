package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.DomainRejection;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelChangeImpactTest {

    private final Fixtures fixtures = new Fixtures();

    @Test
    void optOutsFlipToSendWhenTheModelIsDisabledAndTheSampleStaysSmall() {
        ComplianceProfile profile = fixtures.profile(Channel.EMAIL);
        ModelChangeImpact impact = ModelChangeImpact.of(profile, Fixtures.COMMERCIAL, Channel.EMAIL, EnforcementModel.DISABLED);
        for (int i = 0; i < 30; i++) {
            RecordKey key = RecordKey.ofPurpose(Fixtures.PROFILE, new ContactPoint(Channel.EMAIL, "p" + i + "@example.com"), Fixtures.COMMERCIAL);
            ConsentState state = i % 3 == 0 ? ConsentState.OPTED_IN : ConsentState.OPTED_OUT;
            impact.count(key, k -> state);
        }

        assertThat(impact.evaluated()).isEqualTo(30);
        assertThat(impact.blockToSend()).isEqualTo(20);
        assertThat(impact.sendToBlock()).isZero();
        assertThat(impact.sample()).hasSize(ModelChangeImpact.SAMPLE_SIZE).allMatch(flip -> !flip.sendsBefore() && flip.sendsAfter());
        assertThat(impact.from()).isEqualTo(EnforcementModel.NON_RESTRICTIVE);
        assertThat(impact.sendsWithoutRecordBefore()).isTrue();
        assertThat(profile.requirePurpose(Fixtures.COMMERCIAL).modelFor(Channel.EMAIL)).as("the profile itself is untouched")
                .contains(EnforcementModel.NON_RESTRICTIVE);
    }

    @Test
    void aSampleScannedByPseudonymIsNamedByTheAddressesReadBackAndAnErasedOneStaysWithheld() {
        ModelChangeImpact impact = ModelChangeImpact.of(fixtures.profile(Channel.EMAIL), Fixtures.COMMERCIAL, Channel.EMAIL,
                EnforcementModel.DISABLED);
        ContactPoint known = ContactPoint.withheld(Channel.EMAIL, "pseudonym-1");
        ContactPoint erased = ContactPoint.withheld(Channel.EMAIL, "pseudonym-2");
        impact.count(RecordKey.ofPurpose(Fixtures.PROFILE, known, Fixtures.COMMERCIAL), k -> ConsentState.OPTED_OUT);
        impact.count(RecordKey.ofPurpose(Fixtures.PROFILE, erased, Fixtures.COMMERCIAL), k -> ConsentState.OPTED_OUT);

        assertThat(impact.sampleContactPoints()).containsExactlyInAnyOrder(known, erased);
        impact.name(Map.of(known, new ContactPoint(Channel.EMAIL, "ann@example.com"), erased, erased));

        assertThat(impact.sample()).extracting(flip -> flip.record().contactPoint().address())
                .containsExactly("ann@example.com", null);
    }

    @Test
    void aPurposeWithoutAModelOnTheChannelCannotBeTried() {
        assertThatThrownBy(() -> ModelChangeImpact.of(fixtures.profile(Channel.EMAIL), Fixtures.TRACKING, Channel.SMS,
                EnforcementModel.RESTRICTIVE)).isInstanceOf(DomainRejection.RuleViolation.class);
    }
}
