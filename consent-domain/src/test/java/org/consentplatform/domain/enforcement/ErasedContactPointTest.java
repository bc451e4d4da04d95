package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentplatform.domain.enforcement.Fixtures.COMMERCIAL;
import static org.consentplatform.domain.enforcement.Fixtures.EMAIL;
import static org.consentplatform.domain.enforcement.Fixtures.NO_FLAGS;
import static org.consentplatform.domain.enforcement.Fixtures.PROFILE;
import static org.consentplatform.domain.enforcement.Fixtures.SMS;
import static org.consentplatform.domain.enforcement.Fixtures.TOPIC;
import static org.consentplatform.domain.enforcement.Fixtures.TRACKING;
import static org.consentplatform.domain.enforcement.Fixtures.TRANSACTIONAL;

/** Domain rules §13: an erased contact point gets no commercial message and no tracking, whatever its records say. */
class ErasedContactPointTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest(name = "{0} under {1}, record {2}: send {3}, track {4}")
    @CsvSource({
            "commercial,    NON_RESTRICTIVE, absent,   false, false",
            "commercial,    RESTRICTIVE,     OPTED_IN, false, false",
            "commercial,    DISABLED,        absent,   false, false",
            "transactional, DISABLED,        absent,   true,  false",
    })
    void anErasedContactPointIsBlockedForCommerceAndTracking(String purpose, EnforcementModel model, String record, boolean send,
                                                            boolean track) {
        var fixtures = new Fixtures();
        fixtures.commercialModel = model;
        var key = RecordKey.ofPurpose(PROFILE, EMAIL, purpose.equals("commercial") ? COMMERCIAL : TRANSACTIONAL);
        var states = new HashMap<RecordKey, RecordState>();
        if (!record.equals("absent")) {
            states.put(key, new RecordState(ConsentState.valueOf(record), NOW, Source.API, null));
        }
        states.put(RecordKey.ofPurpose(PROFILE, EMAIL, TRACKING), new RecordState(ConsentState.OPTED_IN, NOW, Source.API, null));

        Decision decision = decide(fixtures, key, states, Set.of(EMAIL));

        assertThat(decision.send()).isEqualTo(send);
        assertThat(decision.track()).isEqualTo(track);
        assertThat(decision.decisive(Aspect.TRACKING)).extracting(Reason::code).containsExactly(ReasonCode.ERASED);
        if (!send) {
            assertThat(decision.decisive(Aspect.MESSAGE)).extracting(Reason::code).containsExactly(ReasonCode.ERASED);
            assertThat(decision.decisive(Aspect.MESSAGE).getFirst().explanation())
                    .isEqualTo("the contact point was erased at the person's request: no commercial message until the person opts "
                            + "in again: block");
        }
    }

    @Test
    void aTopicOfAnErasedContactPointIsBlockedToo() {
        var key = new RecordKey(PROFILE, EMAIL, COMMERCIAL, TOPIC);
        Decision decision = decide(new Fixtures(), key, Map.of(key, new RecordState(ConsentState.OPTED_IN, NOW, Source.API, null)),
                Set.of(EMAIL));

        assertThat(decision.send()).isFalse();
    }

    @Test
    void onlyTheErasedContactPointIsBlocked() {
        var fixtures = new Fixtures();
        var key = RecordKey.ofPurpose(PROFILE, SMS, COMMERCIAL);
        fixtures.commercialModel = EnforcementModel.NON_RESTRICTIVE;

        Decision decision = decide(fixtures, key, Map.of(), Set.of(EMAIL));

        assertThat(decision.send()).isTrue();
        assertThat(decision.reasons()).extracting(Reason::code).doesNotContain(ReasonCode.ERASED);
    }

    private static Decision decide(Fixtures fixtures, RecordKey key, Map<RecordKey, RecordState> states,
                                   Set<org.consentplatform.domain.contactpoint.ContactPoint> erased) {
        MessageIntent intent = MessageIntent.resolve(fixtures.profile(key.contactPoint().channel()), key.purposeId(),
                key.topicId(), key.contactPoint(), null);
        return EnforcementPolicy.decide(intent, NO_FLAGS, RecordStates.at(NOW, states, Set.of(), erased));
    }
}
