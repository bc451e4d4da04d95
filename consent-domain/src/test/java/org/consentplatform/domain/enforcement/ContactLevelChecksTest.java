package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentplatform.domain.enforcement.Fixtures.CHECK_FLAGS;
import static org.consentplatform.domain.enforcement.Fixtures.COMMERCIAL;
import static org.consentplatform.domain.enforcement.Fixtures.EMAIL;
import static org.consentplatform.domain.enforcement.Fixtures.NO_FLAGS;
import static org.consentplatform.domain.enforcement.Fixtures.SMS;
import static org.consentplatform.domain.enforcement.Fixtures.TRACKING;
import static org.consentplatform.domain.enforcement.Fixtures.TRANSACTIONAL;

/**
 * Domain rules §4: with checkContactLevelConsent on, CONTACTs (never leads or profiles) also
 * need their legacy flags clear: COMMERCIAL email doNotEmail and doNotBulkEmail, TRANSACTIONAL
 * email doNotEmail, TRACKING doNotTrack. The consent records all permit here, so only the flags decide.
 */
class ContactLevelChecksTest {

    @ParameterizedTest(name = "check {0}, {1}, {2}, doNotEmail {3} doNotBulkEmail {4} doNotTrack {5} → {6} / {7}")
    @CsvSource({
            // setting, entity, purpose, doNotEmail, doNotBulkEmail, doNotTrack, message, tracking
            "on,  CONTACT, COMMERCIAL,    false, false, false, send,  track",
            "on,  CONTACT, COMMERCIAL,    true,  false, false, block, track",
            "on,  CONTACT, COMMERCIAL,    false, true,  false, block, track",
            "on,  CONTACT, TRANSACTIONAL, false, false, false, send,  track",
            "on,  CONTACT, TRANSACTIONAL, true,  false, false, block, track",
            "on,  CONTACT, TRANSACTIONAL, false, true,  false, send,  track",
            "on,  CONTACT, COMMERCIAL,    false, false, true,  send,  no track",
            "on,  CONTACT, TRANSACTIONAL, false, false, true,  send,  no track",
            "off, CONTACT, COMMERCIAL,    true,  true,  true,  send,  track",
            "off, CONTACT, TRANSACTIONAL, true,  false, true,  send,  track",
            "on,  LEAD,    COMMERCIAL,    false, false, false, send,  track",
            "on,  PROFILE, TRANSACTIONAL, false, false, false, send,  track",
    })
    void flags(String setting, EntityType entity, String purpose, boolean doNotEmail, boolean doNotBulkEmail,
               boolean doNotTrack, String message, String tracking) {
        var fixtures = permissiveRecords();
        var contact = Fixtures.contact(entity, new LegacyFlags(doNotEmail, doNotBulkEmail, doNotTrack));

        Decision decision = fixtures.decide(EMAIL, purpose.equals("COMMERCIAL") ? COMMERCIAL : TRANSACTIONAL, null, contact,
                setting.equals("on") ? CHECK_FLAGS : NO_FLAGS);

        assertThat(decision.send()).isEqualTo(message.equals("send"));
        assertThat(decision.track()).isEqualTo(tracking.equals("track"));
    }

    @Test
    void bothChecksMustPassAFlagFreeContactIsStillBlockedByItsRecord() {
        var fixtures = permissiveRecords();
        fixtures.state(EMAIL, COMMERCIAL, null, ConsentState.OPTED_OUT);

        Decision decision = fixtures.decide(EMAIL, COMMERCIAL, null, Fixtures.contact(EntityType.CONTACT, LegacyFlags.NONE), CHECK_FLAGS);

        assertThat(decision.send()).isFalse();
        assertThat(decision.decisive(Aspect.MESSAGE)).extracting(Reason::code).containsExactly(ReasonCode.PURPOSE_CONSENT);
    }

    @Test
    void emailFlagsDoNotApplyToOtherChannels() {
        var fixtures = permissiveRecords();
        fixtures.commercialModel = EnforcementModel.NON_RESTRICTIVE;

        Decision decision = fixtures.decide(SMS, COMMERCIAL, null,
                Fixtures.contact(EntityType.CONTACT, new LegacyFlags(true, true, false)), CHECK_FLAGS);

        assertThat(decision.send()).isTrue();
    }

    @Test
    void aBlockingFlagIsNamedInTheReasons() {
        var decision = permissiveRecords().decide(EMAIL, COMMERCIAL, null,
                Fixtures.contact(EntityType.CONTACT, new LegacyFlags(false, true, false)), CHECK_FLAGS);

        assertThat(decision.decisive(Aspect.MESSAGE)).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCode.CONTACT_FLAG);
            assertThat(reason.flag()).isEqualTo("doNotBulkEmail");
            assertThat(reason.explanation()).contains("doNotBulkEmail is set");
        });
    }

    private static Fixtures permissiveRecords() {
        var fixtures = new Fixtures();
        fixtures.state(EMAIL, COMMERCIAL, null, ConsentState.OPTED_IN);
        fixtures.state(EMAIL, TRANSACTIONAL, null, ConsentState.OPTED_IN);
        fixtures.state(EMAIL, TRACKING, null, ConsentState.OPTED_IN);
        fixtures.state(SMS, COMMERCIAL, null, ConsentState.OPTED_IN);
        return fixtures;
    }
}
