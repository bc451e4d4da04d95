package org.consentplatform.domain.preference;

import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreferencesTest {

    static final TenantId ACME = new TenantId("acme");
    static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Map<RecordKey, ConsentState> states = new HashMap<>();
    private boolean doubleOptIn;

    ComplianceProfile profile() {
        return ComplianceProfile.create(ACME, new TechnicalId("retail"), new ProfileDefinition("Retail", null, List.of(
                Purpose.define(id("news"), "News", PurposeType.COMMERCIAL, LegalBasis.CONSENT, Map.of(Channel.EMAIL, EnforcementModel.RESTRICTIVE),
                        List.of(new Topic(id("weekly"), "Weekly"), new Topic(id("offers"), "Offers")), doubleOptIn),
                Purpose.define(id("service"), null, PurposeType.TRANSACTIONAL, null, null, null, false),
                Purpose.define(id("tracking"), null, PurposeType.TRACKING, null, null, null, false)), null));
    }

    private void set(String purpose, String topic, ConsentState state) {
        states.put(new RecordKey(new TechnicalId("retail"), ANN, id(purpose), topic == null ? null : id(topic)), state);
    }

    private Preferences page(Contact contact, boolean checkFlags) {
        return Preferences.prefill(profile(), ANN, contact, new TenantSettings(checkFlags, true, null, List.of()), states::get);
    }

    @Test
    void anErasedAddressSeesNoBoxTickedAndLeavingThePageAloneWritesNothing() {
        set("news", null, ConsentState.OPTED_IN);
        set("news", "weekly", ConsentState.OPTED_IN);
        set("tracking", null, ConsentState.OPTED_IN);
        var records = new HashMap<RecordKey, RecordState>();
        states.forEach((key, state) -> records.put(key, new RecordState(state, NOW,
                Source.API, null)));

        Preferences page = Preferences.prefill(profile(), ANN, null, new TenantSettings(false, true, null, List.of()),
                RecordStates.at(NOW, records, Set.of(), Set.of(ANN)));

        assertThat(page.chosen()).as("what an erased address gets: no commercial purpose or topic, no tracking; the "
                + "transactional purpose is not theirs to refuse").extracting(Object::toString).containsExactly("service");
        assertThat(page.changesFor(page.chosen(), NOW, null, "corr")).isEmpty();
    }

    @Test
    void aTopicShowsItsOwnRecordSoLeavingItAloneNeverChangesIt() {
        set("news", null, ConsentState.OPTED_OUT);
        set("news", "weekly", ConsentState.OPTED_IN);

        Preferences page = page(null, false);

        assertThat(page.chosen()).containsExactlyInAnyOrder(new Choice(id("news"), id("weekly")), Choice.parse("service"));
        assertThat(page.changesFor(page.chosen(), NOW, Evidence.NONE, "c")).isEmpty();
    }

    @Test
    void aTopicBoxIgnoresEveryCheckOfItsParentsRecordEvenAPendingOne() {
        doubleOptIn = true;
        set("news", null, ConsentState.PENDING_CONFIRMATION);
        set("news", "weekly", ConsentState.OPTED_IN);

        assertThat(page(null, false).chosen()).contains(Choice.parse("news/weekly")).doesNotContain(Choice.parse("news"));
    }

    @Test
    void submittingWritesOnlyTheBoxesThePersonTurnedOnOrOff() {
        set("news", null, ConsentState.OPTED_IN);
        Preferences page = page(null, false);

        List<ConsentCapture> captures = page.changesFor(Set.of(Choice.parse("news/offers")), NOW, Evidence.NONE, "c-1");

        assertThat(captures).extracting(c -> c.key().purposeId().value() + "/" + c.key().topicId() + "=" + c.state())
                .containsExactlyInAnyOrder("news/null=OPTED_OUT", "news/offers=OPTED_IN");
        assertThat(captures).allSatisfy(c -> {
            assertThat(c.source()).isEqualTo(Source.PREFERENCE_CENTER);
            assertThat(c.actor().id()).isEqualTo("recipient");
            assertThat(c.capturedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aPurposeDisabledOnTheChannelIsShownFixedAndNeverWritten() {
        Preferences page = page(null, false);

        Preferences.Item service = page.items().stream().filter(i -> i.purpose().id().equals(id("service"))).findFirst().orElseThrow();
        assertThat(service.fixed()).isTrue();
        assertThat(service.chosen()).isTrue();
        assertThat(page.changesFor(Set.of(), NOW, Evidence.NONE, "c")).noneMatch(c -> c.key().purposeId().equals(id("service")));
    }

    @Test
    void aBoxThePageDoesNotShowIsRefused() {
        Preferences page = page(null, false);

        assertThatThrownBy(() -> page.changesFor(Set.of(Choice.parse("news/daily")), NOW, Evidence.NONE, "c"))
                .isInstanceOf(DomainRejection.InvalidInput.class);
    }

    @Test
    void aPendingDoubleOptInIsNotShownAsChosen() {
        doubleOptIn = true;
        set("news", null, ConsentState.PENDING_CONFIRMATION);

        assertThat(page(null, false).chosen()).doesNotContain(Choice.parse("news"));
    }

    @Test
    void aContactsFlagsCountOnlyWhenTheTenantChecksThem() {
        set("news", null, ConsentState.OPTED_IN);
        var contact = new Contact(ACME, id("c-1"), EntityType.CONTACT, new LegacyFlags(false, true, false), List.of(ANN));

        assertThat(page(contact, true).chosen()).doesNotContain(Choice.parse("news"));
        assertThat(page(contact, false).chosen()).contains(Choice.parse("news"));
    }

    @Test
    void theFingerprintChangesWithWhatThePageShows() {
        String before = page(null, false).fingerprint();
        set("news", "offers", ConsentState.OPTED_IN);

        assertThat(page(null, false).fingerprint()).isNotEqualTo(before);
    }

    private static TechnicalId id(String value) {
        return new TechnicalId(value);
    }
}
