package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.EnforcementModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentplatform.domain.enforcement.Fixtures.COMMERCIAL;
import static org.consentplatform.domain.enforcement.Fixtures.EMAIL;
import static org.consentplatform.domain.enforcement.Fixtures.NO_FLAGS;
import static org.consentplatform.domain.enforcement.Fixtures.TOPIC;

/** Domain rules §3: a topic message needs its parent purpose to send and its own record to send under the parent's model. */
class TopicRulesTest {

    @ParameterizedTest(name = "{0}: purpose {1}, topic {2} → {3}")
    @CsvSource({
            "RESTRICTIVE,     OPTED_IN,  OPTED_IN,  send",
            "RESTRICTIVE,     OPTED_IN,  absent,    block",
            "RESTRICTIVE,     OPTED_IN,  OPTED_OUT, block",
            "RESTRICTIVE,     absent,    OPTED_IN,  block",
            "RESTRICTIVE,     OPTED_OUT, OPTED_IN,  block",
            "NON_RESTRICTIVE, absent,    absent,    send",
            "NON_RESTRICTIVE, OPTED_IN,  OPTED_OUT, block",
            "NON_RESTRICTIVE, OPTED_OUT, OPTED_IN,  block",
            "NON_RESTRICTIVE, OPTED_OUT, absent,    block",
            "DISABLED,        OPTED_OUT, OPTED_OUT, send",
    })
    void topicMessage(EnforcementModel parentModel, String purposeRecord, String topicRecord, String expected) {
        var fixtures = new Fixtures();
        fixtures.commercialModel = parentModel;
        fixtures.state(EMAIL, COMMERCIAL, null, Fixtures.state(purposeRecord));
        fixtures.state(EMAIL, COMMERCIAL, TOPIC, Fixtures.state(topicRecord));

        Decision decision = fixtures.decide(EMAIL, COMMERCIAL, TOPIC, null, NO_FLAGS);

        assertThat(decision.send()).isEqualTo(expected.equals("send"));
        assertThat(decision.reasons()).extracting(Reason::code)
                .contains(ReasonCode.PURPOSE_CONSENT, ReasonCode.TOPIC_CONSENT);
    }
}
