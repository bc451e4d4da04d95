package org.consentplatform.domain.contactpoint;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NormalisationTest {

    private static final TenantSettings DEFAULTS = TenantSettings.DEFAULTS;
    private static final TenantSettings CASE_KEPT_FR = new TenantSettings(true, false, "FR",
            List.of(new ChannelDefinition(Channel.of("channel", "WHATSAPP"), "WhatsApp", AddressFormat.PHONE)));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "  Ann.Smith@Example.COM  | ann.smith@example.com",
            "ann+news@example.co.uk   | ann+news@example.co.uk",
            "o'brien@exämple.de       | o'brien@xn--exmple-cua.de",
    })
    void emailsAreTrimmedAndLowerCasedByDefault(String raw, String normalised) {
        assertThat(DEFAULTS.contactPoint("EMAIL", raw).address()).isEqualTo(normalised);
    }

    @Test
    void theLocalPartKeepsItsCaseWhenTheTenantSaysSo() {
        assertThat(CASE_KEPT_FR.contactPoint("EMAIL", " Ann.Smith@Example.COM").address()).isEqualTo("Ann.Smith@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ann", "ann@", "@example.com", "ann@@example.com", "ann@example", "ann smith@example.com",
            "ann@exa mple.com", "ann..smith@example.com", ".ann@example.com", "ann|x@example.com", "ann@-example.com",
            "\"ann\"@example.com", "ann@example..com", "{\"$ne\": null}", "$where@"})
    void invalidEmailsAreRefused(String raw) {
        assertThatThrownBy(() -> DEFAULTS.contactPoint("EMAIL", raw))
                .isInstanceOfSatisfying(DomainRejection.InvalidInput.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("address")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "+33 6 12 34 56 78,   +33612345678",
            "0033612345678,       +33612345678",
            "+48 512 345 678,     +48512345678",
            "+1 (650) 253-0000,   +16502530000",
            "+44 7400 123456,     +447400123456",
    })
    void internationalPhoneNumbersBecomeE164(String raw, String e164) {
        assertThat(DEFAULTS.contactPoint("SMS", raw).address()).isEqualTo(e164);
        assertThat(DEFAULTS.contactPoint("VOICE", raw).address()).isEqualTo(e164);
    }

    @Test
    void nationalNumbersUseTheTenantsDefaultRegion() {
        assertThat(CASE_KEPT_FR.contactPoint("SMS", "06 12 34 56 78").address()).isEqualTo("+33612345678");
        assertThat(CASE_KEPT_FR.contactPoint("WHATSAPP", "06 12 34 56 78").address()).isEqualTo("+33612345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "+33 1", "+999 123456789", "phone", "+33 6 12 34 56 78 90 12", ""})
    void invalidOrNationalNumbersWithoutRegionAreRefused(String raw) {
        assertThatThrownBy(() -> DEFAULTS.contactPoint("SMS", raw)).isInstanceOf(DomainRejection.InvalidInput.class);
    }

    @Test
    void postalAddressesAreFolded() {
        assertThat(DEFAULTS.contactPoint("POSTAL", "  1 rue de la Paix \n 75002  Paris ").address())
                .isEqualTo("1 rue de la Paix 75002 Paris");
    }

    @Test
    void unknownChannelsAreRefused() {
        assertThatThrownBy(() -> DEFAULTS.contactPoint("WHATSAPP", "+33612345678"))
                .isInstanceOfSatisfying(DomainRejection.InvalidInput.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("channel"));
        assertThatThrownBy(() -> DEFAULTS.contactPoint("e mail", "ann@example.com"))
                .isInstanceOf(DomainRejection.InvalidInput.class);
    }

    @Test
    void customChannelsCannotRedefineBuiltInOnes() {
        assertThatThrownBy(() -> new TenantSettings(true, true, null,
                List.of(new ChannelDefinition(Channel.EMAIL, "Mail", AddressFormat.TEXT))))
                .isInstanceOf(DomainRejection.RuleViolation.class);
    }
}
