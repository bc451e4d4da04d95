package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.EnforcementModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentplatform.domain.enforcement.Fixtures.COMMERCIAL;
import static org.consentplatform.domain.enforcement.Fixtures.EMAIL;
import static org.consentplatform.domain.enforcement.Fixtures.NO_FLAGS;
import static org.consentplatform.domain.enforcement.Fixtures.TRACKING;

/** Domain rules §2, the enforcement table, row by row. */
class EnforcementModelTableTest {

    @ParameterizedTest(name = "{0} message, record {1}: {2}")
    @CsvSource({
            "RESTRICTIVE,     OPTED_OUT, block",
            "RESTRICTIVE,     absent,    block",
            "RESTRICTIVE,     OPTED_IN,  send",
            "NON_RESTRICTIVE, OPTED_OUT, block",
            "NON_RESTRICTIVE, absent,    send",
            "NON_RESTRICTIVE, OPTED_IN,  send",
            "DISABLED,        OPTED_OUT, send",
            "DISABLED,        absent,    send",
            "DISABLED,        OPTED_IN,  send",
    })
    void message(EnforcementModel model, String record, String expected) {
        var fixtures = new Fixtures();
        fixtures.commercialModel = model;
        fixtures.state(EMAIL, COMMERCIAL, null, Fixtures.state(record));

        Decision decision = fixtures.decide(EMAIL, COMMERCIAL, null, null, NO_FLAGS);

        assertThat(decision.send()).isEqualTo(expected.equals("send"));
        assertThat(decision.decisive(Aspect.MESSAGE)).extracting(Reason::code).containsExactly(ReasonCode.PURPOSE_CONSENT);
    }

    @ParameterizedTest(name = "{0} tracking, record {1}: {2}")
    @CsvSource({
            "RESTRICTIVE,     OPTED_OUT, no track",
            "RESTRICTIVE,     absent,    no track",
            "RESTRICTIVE,     OPTED_IN,  track",
            "NON_RESTRICTIVE, OPTED_OUT, no track",
            "NON_RESTRICTIVE, absent,    track",
            "NON_RESTRICTIVE, OPTED_IN,  track",
            "DISABLED,        OPTED_OUT, track",
            "DISABLED,        absent,    track",
            "DISABLED,        OPTED_IN,  track",
    })
    void tracking(EnforcementModel model, String record, String expected) {
        var fixtures = new Fixtures();
        fixtures.trackingModel = model;
        fixtures.state(EMAIL, TRACKING, null, Fixtures.state(record));

        Decision decision = fixtures.decide(EMAIL, COMMERCIAL, null, null, NO_FLAGS);

        assertThat(decision.track()).isEqualTo(expected.equals("track"));
        assertThat(decision.send()).as("tracking never decides the message").isTrue();
    }
}
