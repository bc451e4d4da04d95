package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** §4's switch tried before it is turned: only flagged CONTACTs whose records permit can flip. */
class ContactLevelSwitchImpactTest {

    private final Fixtures records = new Fixtures()
            .state(Fixtures.EMAIL, Fixtures.COMMERCIAL, null, ConsentState.OPTED_IN)
            .state(Fixtures.EMAIL, Fixtures.TRACKING, null, ConsentState.OPTED_IN);

    private ContactLevelSwitchImpact turningOff() {
        ComplianceProfile profile = records.profile(Channel.EMAIL);
        return ContactLevelSwitchImpact.of(Fixtures.CHECK_FLAGS, false, List.of(profile));
    }

    @Test
    void aBulkEmailFlagFlipsTheCommercialPurposeOnlyAndDoNotTrackFlipsTracking() {
        ContactLevelSwitchImpact impact = turningOff();

        impact.count(Fixtures.contact(EntityType.CONTACT, new LegacyFlags(false, true, true)), records.states::get);

        assertThat(impact.contacts()).isOne();
        assertThat(impact.counts()).containsOnlyKeys(
                new ContactLevelSwitchImpact.Line(Fixtures.PROFILE, Fixtures.COMMERCIAL, Aspect.MESSAGE),
                new ContactLevelSwitchImpact.Line(Fixtures.PROFILE, Fixtures.TRACKING, Aspect.TRACKING));
        assertThat(impact.counts().values()).allSatisfy(counts -> {
            assertThat(counts.blockToSend()).isOne();
            assertThat(counts.sendToBlock()).isZero();
        });
        assertThat(impact.sample()).hasSize(2).allSatisfy(flip -> assertThat(flip.permittedBefore()).isFalse());
    }

    @Test
    void doNotEmailFlipsTransactionalToo() {
        ContactLevelSwitchImpact impact = turningOff();

        impact.count(Fixtures.contact(EntityType.CONTACT, new LegacyFlags(true, false, false)), records.states::get);

        assertThat(impact.counts().keySet()).extracting(ContactLevelSwitchImpact.Line::purposeId)
                .containsExactly(Fixtures.COMMERCIAL, Fixtures.TRANSACTIONAL);
    }

    @Test
    void contactsWithoutSetFlagsAndRecordsThatBlockAnywayDoNotFlip() {
        ContactLevelSwitchImpact impact = turningOff();
        var optedOut = new Fixtures().state(Fixtures.EMAIL, Fixtures.COMMERCIAL, null, ConsentState.OPTED_OUT);

        impact.count(Fixtures.contact(EntityType.CONTACT, LegacyFlags.NONE), records.states::get);
        impact.count(Fixtures.contact(EntityType.LEAD, LegacyFlags.NONE), records.states::get);
        impact.count(Fixtures.contact(EntityType.CONTACT, new LegacyFlags(false, true, false)), optedOut.states::get);

        assertThat(impact.contacts()).as("only the flagged contact is read").isOne();
        assertThat(impact.counts()).isEmpty();
    }

    @Test
    void tryingTheSettingInForceChangesNothing() {
        assertThat(ContactLevelSwitchImpact.of(Fixtures.CHECK_FLAGS, true, List.of()).changesTheSetting()).isFalse();
    }
}
