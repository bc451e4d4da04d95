package org.consentplatform.domain.preference;

import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionCenterTest {

    static final ContactPoint WORK = new ContactPoint(Channel.EMAIL, "ann@work.example");
    static final ContactPoint HOME = new ContactPoint(Channel.EMAIL, "ann@home.example");
    static final ContactPoint PHONE = new ContactPoint(Channel.SMS, "+33612345678");
    static final ComplianceProfile RETAIL = ComplianceProfile.create(PreferencesTest.ACME, new TechnicalId("retail"),
            new ProfileDefinition("Retail", null, null, null));

    private final Map<RecordKey, ConsentState> states = new HashMap<>();
    private final Contact ann = new Contact(PreferencesTest.ACME, new TechnicalId("ann"), EntityType.CONTACT, LegacyFlags.NONE,
            List.of(WORK, HOME, PHONE));

    @Test
    void oneEmailAddressThatWillNotSendShowsTheFlagBlocked() {
        states.put(RecordKey.ofPurpose(RETAIL.id(), HOME, new TechnicalId("commercial")), ConsentState.OPTED_OUT);

        LegacyFlags shown = SubscriptionCenter.prefill(RETAIL, ann, states::get).shown();

        assertThat(shown.doNotBulkEmail()).isTrue();
        assertThat(shown.doNotEmail()).isFalse();
        assertThat(shown.doNotTrack()).as("tracking is RESTRICTIVE and nobody opted in").isTrue();
    }

    @Test
    void writingBackTouchesEveryEmailAddressButNoPhoneAndSkipsRecordsAlreadyRight() {
        states.put(RecordKey.ofPurpose(RETAIL.id(), WORK, new TechnicalId("commercial")), ConsentState.OPTED_IN);
        SubscriptionCenter page = SubscriptionCenter.prefill(RETAIL, ann, states::get);

        SubscriptionCenter.Writeback writeback = page.submit(new LegacyFlags(false, false, true), states::get,
                Instant.parse("2026-11-23T10:00:00Z"), Evidence.NONE, "c");

        assertThat(writeback.contact().flags()).isEqualTo(new LegacyFlags(false, false, true));
        assertThat(writeback.captures()).extracting(ConsentCapture::key).noneMatch(key -> key.contactPoint().equals(PHONE));
        assertThat(writeback.captures()).extracting(c -> c.key().contactPoint().address() + " " + c.key().purposeId() + " " + c.state())
                .containsExactlyInAnyOrder(
                        "ann@home.example commercial OPTED_IN",
                        "ann@work.example transactional OPTED_IN", "ann@home.example transactional OPTED_IN",
                        "ann@work.example tracking OPTED_OUT", "ann@home.example tracking OPTED_OUT");
    }

    @Test
    void onlyContactsHaveASubscriptionCenter() {
        var lead = new Contact(PreferencesTest.ACME, new TechnicalId("lead"), EntityType.LEAD, LegacyFlags.NONE, List.of(WORK));

        assertThatThrownBy(() -> SubscriptionCenter.prefill(RETAIL, lead, states::get)).isInstanceOf(DomainRejection.RuleViolation.class);
    }
}
