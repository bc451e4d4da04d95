package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.DefaultConsent;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.PurposeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Domain rules §2, the default models of a new profile, row by row ("—" is no model). */
class DefaultModelsTest {

    private final ComplianceProfile profile = ComplianceProfile.create(Fixtures.TENANT, Fixtures.PROFILE,
            new ProfileDefinition("Retail", null, null, null));

    @ParameterizedTest(name = "{0}: EMAIL {1}, SMS {2}, VOICE {3}, custom {4}, POSTAL {5}")
    @CsvSource({
            "COMMERCIAL,    NON_RESTRICTIVE, RESTRICTIVE, RESTRICTIVE, RESTRICTIVE, NON_RESTRICTIVE",
            "TRANSACTIONAL, DISABLED,        DISABLED,    DISABLED,    DISABLED,    DISABLED",
            "TRACKING,      RESTRICTIVE,     —,           —,           —,           —",
    })
    void defaults(PurposeType type, String email, String sms, String voice, String custom, String postal) {
        var purpose = profile.purposes().stream().filter(p -> p.type() == type).findFirst().orElseThrow();

        assertThat(purpose.modelFor(Channel.EMAIL)).isEqualTo(model(email));
        assertThat(purpose.modelFor(Channel.SMS)).isEqualTo(model(sms));
        assertThat(purpose.modelFor(Channel.VOICE)).isEqualTo(model(voice));
        assertThat(purpose.modelFor(Channel.of("channel", "WHATSAPP"))).isEqualTo(model(custom));
        assertThat(purpose.modelFor(Channel.POSTAL)).isEqualTo(model(postal));
    }

    @Test
    void everyProfileStartsWithOnePurposeOfEachTypeAndThreeDefaultConsents() {
        assertThat(profile.purposes()).extracting(p -> p.type())
                .containsExactlyInAnyOrder(PurposeType.COMMERCIAL, PurposeType.TRANSACTIONAL, PurposeType.TRACKING);
        assertThat(profile.defaultConsents()).extracting(DefaultConsent::channel)
                .containsExactly(Channel.EMAIL, Channel.SMS, Channel.VOICE);
        assertThat(profile.defaultConsents()).allSatisfy(consent ->
                assertThat(profile.requirePurpose(consent.purposeId()).type()).isEqualTo(PurposeType.COMMERCIAL));
    }

    private static Optional<EnforcementModel> model(String cell) {
        return cell.equals("—") ? Optional.empty() : Optional.of(EnforcementModel.valueOf(cell));
    }
}
