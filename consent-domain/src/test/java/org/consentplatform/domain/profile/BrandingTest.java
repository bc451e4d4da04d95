package org.consentplatform.domain.profile;

import org.consentplatform.domain.shared.DomainRejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandingTest {

    @Test
    void textOnTheAccentIsWhicheverOfBlackAndWhiteContrastsMore() {
        assertThat(new Branding(null, "#0a2f5c").textOnAccent()).isEqualTo("#FFFFFF");
        assertThat(new Branding(null, "#FFD60A").textOnAccent()).isEqualTo("#000000");
        assertThat(Branding.NONE.textOnAccent()).isEqualTo("#FFFFFF");
    }

    @Test
    void onlyAColourAndAnHttpsLogoAreAccepted() {
        assertThatThrownBy(() -> new Branding(null, "red; background:url(x)")).isInstanceOf(DomainRejection.InvalidInput.class);
        assertThatThrownBy(() -> Branding.logo("http://brand.example/logo.png")).isInstanceOf(DomainRejection.InvalidInput.class);
        assertThatThrownBy(() -> Branding.logo("javascript:alert(1)")).isInstanceOf(DomainRejection.InvalidInput.class);
        assertThat(Branding.logo("https://brand.example/logo.png").getHost()).isEqualTo("brand.example");
    }
}
