package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentplatform.domain.enforcement.Fixtures.COMMERCIAL;
import static org.consentplatform.domain.enforcement.Fixtures.EMAIL;
import static org.consentplatform.domain.enforcement.Fixtures.NO_FLAGS;
import static org.consentplatform.domain.enforcement.Fixtures.SMS;
import static org.consentplatform.domain.enforcement.Fixtures.TOPIC;
import static org.consentplatform.domain.enforcement.Fixtures.TRANSACTIONAL;

/** A cell of the console's consent grid reads as the decision it stands for, and says when an opt-in does nothing. */
class ContactabilityTest {

    private final Fixtures fixtures = new Fixtures();

    @ParameterizedTest(name = "purpose {0}, topic {1} → send {2}, opt-in without effect {3}")
    @CsvSource({
            "OPTED_OUT, OPTED_IN,  false, true",
            "absent,    OPTED_IN,  false, true",
            "OPTED_IN,  OPTED_IN,  true,  false",
            "OPTED_IN,  OPTED_OUT, false, false",
            "OPTED_OUT, absent,    false, false",
    })
    void aTopicOptedInUnderAPurposeThatBlocksChangesNothing(String purpose, String topic, boolean send, boolean withoutEffect) {
        fixtures.commercialModel = EnforcementModel.RESTRICTIVE;
        fixtures.state(EMAIL, COMMERCIAL, null, Fixtures.state(purpose)).state(EMAIL, COMMERCIAL, TOPIC, Fixtures.state(topic));

        Contactability cell = cell(EMAIL, COMMERCIAL, TOPIC);

        assertThat(cell.decision().send()).isEqualTo(send);
        assertThat(cell.optInWithoutEffect()).isEqualTo(withoutEffect);
        assertThat(cell.key().topicId()).isEqualTo(TOPIC);
        assertThat(cell.blockingReasons()).allMatch(reason -> !reason.permits() && reason.aspect() == Aspect.MESSAGE);
        assertThat(cell.blockingReasons().isEmpty()).isEqualTo(send);
    }

    @Test
    void aPersonIsCommerciallyReachableOnAChannelOnlyWhereACommercialMessageIsSent() {
        fixtures.commercialModel = EnforcementModel.RESTRICTIVE;
        fixtures.state(EMAIL, COMMERCIAL, null, ConsentState.OPTED_IN);
        // transactional messages are sent by SMS, which makes nobody reachable for commercial ones
        List<Contactability> cells = List.of(cell(EMAIL, COMMERCIAL, null), cell(SMS, COMMERCIAL, null), cell(SMS, TRANSACTIONAL, null));

        assertThat(cells.get(2).decision().send()).isTrue();
        assertThat(Contactability.commerciallyReachable(cells, Channel.EMAIL)).isTrue();
        assertThat(Contactability.commerciallyReachable(cells, Channel.SMS)).isFalse();
        assertThat(Contactability.commerciallyReachable(cells, Channel.VOICE)).isFalse();
    }

    private Contactability cell(ContactPoint contactPoint, TechnicalId purpose, TechnicalId topic) {
        MessageIntent intent = MessageIntent.resolve(fixtures.profile(contactPoint.channel()), purpose, topic, contactPoint, null);
        RecordKey key = intent.topicRecord().orElse(intent.purposeRecord());
        ConsentState state = fixtures.states.get(key);
        RecordState record = state == null ? null : new RecordState(state, Instant.parse("2026-11-01T00:00:00Z"), Source.API, Evidence.NONE);
        return Contactability.of(intent, NO_FLAGS, fixtures.states::get, record);
    }
}
