package org.consentplatform.domain.preference;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalPrivacyControlTest {

    private static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final ComplianceProfile profile = ComplianceProfile.create(new TenantId("acme"), new TechnicalId("retail"),
            new ProfileDefinition("Retail", null, List.of(
                    Purpose.define(id("news"), "News", PurposeType.COMMERCIAL, LegalBasis.CONSENT,
                            Map.of(Channel.EMAIL, EnforcementModel.RESTRICTIVE), List.of(), false),
                    Purpose.define(id("partners"), "Partner offers", PurposeType.COMMERCIAL, LegalBasis.CONSENT,
                            Map.of(Channel.EMAIL, EnforcementModel.RESTRICTIVE), List.of(), false, "Globex Retail", null),
                    Purpose.define(id("brokers"), "Data brokers", PurposeType.COMMERCIAL, LegalBasis.CONSENT,
                            Map.of(Channel.EMAIL, EnforcementModel.NON_RESTRICTIVE), List.of(), false, "Initech Data", null)), null));
    private final Map<RecordKey, ConsentState> states = new HashMap<>();

    @Test
    void theSignalWithdrawsEveryPurposeNamingAPartnerAndNothingElse() {
        states.put(key("news"), ConsentState.OPTED_IN);
        states.put(key("partners"), ConsentState.OPTED_IN);

        List<ConsentCapture> withdrawals = withdrawals();

        assertThat(withdrawals).extracting(capture -> capture.key().purposeId().value())
                .as("brokers has no record: absent under a NON_RESTRICTIVE model still sends, so it is withdrawn too")
                .containsExactlyInAnyOrder("partners", "brokers");
        assertThat(withdrawals).allSatisfy(capture -> {
            assertThat(capture.state()).isEqualTo(ConsentState.OPTED_OUT);
            assertThat(capture.source()).isEqualTo(Source.PREFERENCE_CENTER);
            assertThat(capture.evidence().reason()).isEqualTo(GlobalPrivacyControl.REASON);
            assertThat(capture.evidence().userAgent()).as("the browser's evidence is kept").isEqualTo("Firefox/140");
        });
    }

    @Test
    void aPartnerPurposeOptedOutAlreadyIsNotWrittenAgain() {
        states.put(key("partners"), ConsentState.OPTED_OUT);
        states.put(key("brokers"), ConsentState.OPTED_OUT);

        assertThat(withdrawals()).isEmpty();
    }

    private List<ConsentCapture> withdrawals() {
        return new GlobalPrivacyControl(profile, ANN).withdrawals(states::get, NOW, Source.PREFERENCE_CENTER, Actor.RECIPIENT,
                new Evidence(null, "preference-center", "203.0.113.7", "Firefox/140"), "corr-1");
    }

    private RecordKey key(String purpose) {
        return new RecordKey(new TechnicalId("retail"), ANN, id(purpose), null);
    }

    private static TechnicalId id(String value) {
        return new TechnicalId(value);
    }
}
