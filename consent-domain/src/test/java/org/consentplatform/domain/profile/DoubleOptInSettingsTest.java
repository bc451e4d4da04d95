package org.consentplatform.domain.profile;

import org.consentplatform.domain.shared.DomainRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DoubleOptInSettingsTest {

    @Test
    void leftOutSettingsTakeTheDefaults() {
        var settings = new DoubleOptInSettings(null, null, null, null, null, null);

        assertThat(settings).isEqualTo(DoubleOptInSettings.DEFAULTS);
        assertThat(settings.linkLifetime()).isEqualTo(Duration.ofHours(72));
        assertThat(settings.defaultLanguage()).isEqualTo("en");
        assertThat(settings.delivery()).isEqualTo(DoubleOptInSettings.Delivery.PLATFORM_MAIL);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "fr-FR, fr", "FR, fr", "pl, pl", "en-GB, en",
            "de-DE, pl", "null, pl", "'', pl", "not a tag!, pl"})
    void theCapturesLanguageWhenWeWriteInItElseTheProfiles(String requested, String expected) {
        var settings = new DoubleOptInSettings(null, null, null, null, "pl", null);

        assertThat(settings.languageFor(requested)).isEqualTo(expected);
    }

    @Test
    void theSenderAndRedirectAreChecked() {
        var settings = new DoubleOptInSettings(Duration.ofHours(24), "News@Brand.example", "Brand news",
                DoubleOptInSettings.redirect("https://brand.example/thanks?from=doi"), "FR", null);
        assertThat(settings.senderAddress()).isEqualTo("News@brand.example");
        assertThat(settings.defaultLanguage()).isEqualTo("fr");
        assertThat(settings.redirectUrl()).isEqualTo(URI.create("https://brand.example/thanks?from=doi"));

        assertRejected("doubleOptIn.linkLifetime", () -> new DoubleOptInSettings(Duration.ofMinutes(59), null, null, null, null, null));
        assertRejected("doubleOptIn.linkLifetime", () -> new DoubleOptInSettings(Duration.ofDays(31), null, null, null, null, null));
        assertRejected("doubleOptIn.senderAddress", () -> new DoubleOptInSettings(null, "not-an-address", null, null, null, null));
        assertRejected("doubleOptIn.senderName", () -> new DoubleOptInSettings(null, null, "Brand\r\nBcc: x@evil.example", null, null, null));
        assertRejected("doubleOptIn.senderName", () -> new DoubleOptInSettings(null, null, "Brand\nnews", null, null, null));
        assertRejected("doubleOptIn.defaultLanguage", () -> new DoubleOptInSettings(null, null, null, null, "de", null));
        assertRejected("doubleOptIn.redirectUrl", () -> DoubleOptInSettings.redirect("javascript:alert(1)"));
        assertRejected("doubleOptIn.redirectUrl", () -> DoubleOptInSettings.redirect("/thanks"));
        assertRejected("doubleOptIn.redirectUrl", () -> DoubleOptInSettings.redirect("https://user:pw@brand.example/"));
        assertRejected("doubleOptIn.redirectUrl", () -> DoubleOptInSettings.redirect("https://brand.example/a b"));
    }

    private static void assertRejected(String field, Runnable creation) {
        assertThatThrownBy(creation::run).isInstanceOfSatisfying(DomainRejection.InvalidInput.class,
                e -> assertThat(e.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo(field)));
    }
}
