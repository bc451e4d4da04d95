package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentplatform.domain.enforcement.Fixtures.COMMERCIAL;
import static org.consentplatform.domain.enforcement.Fixtures.EMAIL;
import static org.consentplatform.domain.enforcement.Fixtures.NO_FLAGS;

/** Domain rules §2 and §5: pending counts as absent, except that a purpose requiring double opt-in blocks until confirmed. */
class PendingConfirmationTest {

    @ParameterizedTest(name = "{0}, double opt-in {1}: {2}")
    @CsvSource({
            "RESTRICTIVE,     false, block, PURPOSE_CONSENT",
            "NON_RESTRICTIVE, false, send,  PURPOSE_CONSENT",
            "DISABLED,        false, send,  PURPOSE_CONSENT",
            "RESTRICTIVE,     true,  block, PENDING_CONFIRMATION",
            "NON_RESTRICTIVE, true,  block, PENDING_CONFIRMATION",
            "DISABLED,        true,  block, PENDING_CONFIRMATION",
    })
    void pending(EnforcementModel model, boolean doubleOptIn, String expected, ReasonCode code) {
        var fixtures = new Fixtures();
        fixtures.commercialModel = model;
        fixtures.doubleOptIn = doubleOptIn;
        fixtures.state(EMAIL, COMMERCIAL, null, ConsentState.PENDING_CONFIRMATION);

        Decision decision = fixtures.decide(EMAIL, COMMERCIAL, null, null, NO_FLAGS);

        assertThat(decision.send()).isEqualTo(expected.equals("send"));
        assertThat(decision.decisive(Aspect.MESSAGE)).extracting(Reason::code).containsExactly(code);
    }
}
