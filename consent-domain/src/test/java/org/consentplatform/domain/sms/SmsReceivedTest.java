package org.consentplatform.domain.sms;

import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.SmsKeyword;
import org.consentplatform.domain.profile.SmsNumber;
import org.consentplatform.domain.profile.SmsProgramme;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsReceivedTest {

    private static final ContactPoint ANN = new ContactPoint(Channel.SMS, "+33612345678");
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final ComplianceProfile profile = ComplianceProfile.create(new TenantId("acme"), new TechnicalId("retail"),
            new ProfileDefinition("Retail", null, List.of(
                    Purpose.define(id("news"), "News", PurposeType.COMMERCIAL, LegalBasis.CONSENT,
                            Map.of(Channel.SMS, EnforcementModel.RESTRICTIVE), List.of(), false),
                    Purpose.define(id("offers"), "Offers", PurposeType.COMMERCIAL, LegalBasis.CONSENT,
                            Map.of(Channel.SMS, EnforcementModel.RESTRICTIVE), List.of(), false),
                    Purpose.define(id("orders"), "Orders", PurposeType.TRANSACTIONAL, null, null, List.of(), false)),
                    null, null, null, new SmsProgramme(List.of(new SmsNumber("36180", "fr"), new SmsNumber("+48221234567", "pl")),
                    Map.of("pl", "Retail: pomoc pod 22 123 45 67"), Map.of("fr", Map.of("Aide", SmsKeyword.HELP)))));
    private final Map<RecordKey, RecordState> current = new HashMap<>();

    @ParameterizedTest(name = "\"{0}\" on a {1} number is {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "STOP|fr|STOP", "  arrêt |fr|STOP", "ARRET|fr|STOP", "Arrêt|fr|STOP", "stop|pl|STOP", "end|fr|STOP",
            "unstop|pl|START", "Info|pl|HELP", "aide|fr|HELP", "AIDE|pl|none", "stop please|fr|none", "STÖP|pl|STOP", "|fr|none"})
    void keywordsAreReadWithoutCaseAccentsOrSurroundingSpaces(String text, String language, String meaning) {
        var table = profile.sms().keywordTable();
        assertThat(table.read(text, language).map(Enum::name).orElse(null)).isEqualTo(meaning);
    }

    @Test
    void stopOptsOutEveryCommercialSmsPurposeWithTheTextAsEvidenceAndSaysSoInTheNumbersLanguage() {
        current.put(key("news"), state(ConsentState.OPTED_IN, Source.FORM, Evidence.NONE));

        var effect = text("36180", "Arrêt").effect(profile, current);

        assertThat(effect.keyword()).isEqualTo(SmsKeyword.STOP);
        assertThat(effect.changes()).extracting(c -> c.key().purposeId().value()).containsExactlyInAnyOrder("news", "offers");
        assertThat(effect.changes()).allSatisfy(change -> {
            assertThat(change.state()).isEqualTo(ConsentState.OPTED_OUT);
            assertThat(change.source()).isEqualTo(Source.INBOUND_EVENT);
            assertThat(change.evidence().reason()).isEqualTo("SMS keyword STOP: \"Arrêt\" texted to 36180");
        });
        assertThat(effect.reply().to()).isEqualTo(ANN);
        assertThat(effect.reply().from()).isEqualTo("36180");
        assertThat(effect.reply().text()).startsWith("Retail : vous ne recevrez plus nos SMS");
    }

    @Test
    void startRestoresOnlyWhatAStopTextWithdrew() {
        ConsentCapture stop = text("36180", "STOP").effect(profile, current).changes().getFirst();
        current.put(key("news"), state(ConsentState.OPTED_OUT, stop.source(), stop.evidence()));
        current.put(key("offers"), state(ConsentState.OPTED_OUT, Source.PREFERENCE_CENTER, Evidence.NONE));

        var effect = text("36180", "start").effect(profile, current);

        assertThat(effect.changes()).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo(key("news"));
            assertThat(change.state()).isEqualTo(ConsentState.OPTED_IN);
            assertThat(change.evidence().reason()).startsWith("SMS keyword START");
        });
        assertThat(effect.reply().text()).contains("vous recevrez de nouveau nos SMS");
    }

    @Test
    void startWithNothingAStopWithdrewChangesNothingAndSaysSo() {
        current.put(key("news"), state(ConsentState.OPTED_OUT, Source.INBOUND_EVENT, Evidence.because("spam complaint")));

        var effect = text("+48221234567", "START").effect(profile, current);

        assertThat(effect.changes()).isEmpty();
        assertThat(effect.reply().text()).isEqualTo("Retail: SMS-em nie można niczego wznowić. Pozostałe wybory pozostają bez zmian.");
    }

    @Test
    void helpChangesNothingAndAnswersWithTheProfilesTextOrADefaultNamingIt() {
        assertThat(text("+48221234567", "help").effect(profile, current).reply().text()).isEqualTo("Retail: pomoc pod 22 123 45 67");
        var french = text("36180", "aide").effect(profile, current);
        assertThat(french.changes()).isEmpty();
        assertThat(french.reply().keyword()).isEqualTo(SmsKeyword.HELP);
        assertThat(french.reply().text()).startsWith("Retail : messages commerciaux.");
    }

    @Test
    void otherTextChangesNothingAndIsNotAnswered() {
        var effect = text("36180", "Bonjour, je voudrais des infos").effect(profile, current);
        assertThat(effect.keyword()).isNull();
        assertThat(effect.changes()).isEmpty();
        assertThat(effect.reply()).isNull();
    }

    @Test
    void aNumberTheProfileDoesNotBindIsRefused() {
        assertThatThrownBy(() -> text("+33698765432", "STOP").effect(profile, current)).isInstanceOf(DomainRejection.class);
    }

    @Test
    void aProgrammeRefusesAKeywordThatIsNotOneWordAndANumberListedTwice() {
        assertThatThrownBy(() -> new SmsProgramme(List.of(), Map.of(), Map.of("fr", Map.of("ne plus", SmsKeyword.STOP))))
                .isInstanceOf(DomainRejection.InvalidInput.class);
        assertThatThrownBy(() -> new SmsProgramme(List.of(new SmsNumber("36180", "fr"), new SmsNumber("36180", "en")), Map.of(), Map.of()))
                .isInstanceOf(DomainRejection.InvalidInput.class);
        assertThatThrownBy(() -> new SmsNumber("12", "fr")).isInstanceOf(DomainRejection.InvalidInput.class);
    }

    private static SmsReceived text(String to, String text) {
        return new SmsReceived("evt-1", new TenantId("acme"), ANN, to, text, NOW, "twilio");
    }

    private static RecordState state(ConsentState state, Source source, Evidence evidence) {
        return new RecordState(state, NOW.minusSeconds(60), source, evidence);
    }

    private RecordKey key(String purpose) {
        return RecordKey.ofPurpose(profile.id(), ANN, id(purpose));
    }

    private static TechnicalId id(String value) {
        return new TechnicalId(value);
    }
}
