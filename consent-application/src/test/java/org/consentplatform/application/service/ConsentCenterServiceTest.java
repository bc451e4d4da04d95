package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ConsentCenter;
import org.consentplatform.application.port.in.ConsentCenter.PersonQuery;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.enforcement.Contactability;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The consent center's grid: every purpose and topic on every contact point, decided from one read of the records. */
class ConsentCenterServiceTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TechnicalId SHOP = new TechnicalId("shop");
    private static final TechnicalId NEWS = new TechnicalId("news");
    private static final TechnicalId OFFERS = new TechnicalId("offers");
    private static final ContactPoint EMAIL = new ContactPoint(Channel.EMAIL, "ann@example.com");
    private static final ContactPoint SMS = new ContactPoint(Channel.SMS, "+33612345678");

    private final InMemoryRecords records = new InMemoryRecords();
    private final ComplianceProfile profile = ComplianceProfile.create(ACME, SHOP, new ProfileDefinition("Shop", null, List.of(
            Purpose.define(NEWS, "News", PurposeType.COMMERCIAL, null,
                    Map.of(Channel.EMAIL, EnforcementModel.RESTRICTIVE, Channel.SMS, EnforcementModel.RESTRICTIVE),
                    List.of(new Topic(OFFERS, "Offers")), false),
            Purpose.define(new TechnicalId("orders"), "Orders", PurposeType.TRANSACTIONAL, null, Map.of(), null, false),
            Purpose.define(new TechnicalId("tracking"), null, PurposeType.TRACKING, null, Map.of(), null, false)), null));
    private final Contact ann = new Contact(ACME, new TechnicalId("c-ann"), EntityType.CONTACT, null, List.of(EMAIL, SMS));
    private final NoContacts contacts = new NoContacts(records.minors) {
        @Override
        public Optional<Contact> find(TenantId tenant, TechnicalId contactId) {
            return Optional.of(ann).filter(contact -> contact.id().equals(contactId));
        }

        @Override
        public Map<TechnicalId, Contact> findAll(TenantId tenant, Collection<TechnicalId> contactIds) {
            return Map.of();
        }
    };
    private final ConsentCenterService center = new ConsentCenterService(records, contacts, new NoTenantSettings(),
            new OneProfile(() -> profile), Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aContactShowsEveryMessagePurposeAndTopicOnEachOfItsContactPointsFromOneRead() {
        record(EMAIL, NEWS, null, ConsentState.OPTED_OUT);
        record(EMAIL, NEWS, OFFERS, ConsentState.OPTED_IN);
        record(SMS, NEWS, null, ConsentState.OPTED_IN);

        ConsentCenter.Person person = center.person(ACME, PersonQuery.contact(new TechnicalId("c-ann")));

        assertThat(records.currentReads).isEqualTo(1);
        assertThat(person.contact()).isEqualTo(ann);
        assertThat(person.contactPoints()).containsExactly(EMAIL, SMS);
        ConsentCenter.ProfileGrid grid = person.profiles().getFirst();
        assertThat(grid.rows()).extracting(row -> row.purpose().id().value() + "/" + (row.topic() == null ? "" : row.topic().id().value()))
                .as("the tracking purpose is no row: it is each cell's tracking verdict").containsExactly("news/", "news/offers", "orders/");
        ConsentCenter.Row offers = grid.rows().get(1);
        Contactability offersByEmail = offers.cells().get(0);
        assertThat(offersByEmail.key()).isEqualTo(new RecordKey(SHOP, EMAIL, NEWS, OFFERS));
        assertThat(offersByEmail.record().state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(offersByEmail.decision().send()).isFalse();
        assertThat(offersByEmail.optInWithoutEffect()).isTrue();
        assertThat(grid.rows().getFirst().cells().get(1).decision().send()).as("news by SMS").isTrue();
        assertThat(person.commerciallyReachable(Channel.SMS)).isTrue();
        assertThat(person.commerciallyReachable(Channel.EMAIL)).isFalse();
    }

    @Test
    void aContactPointIsNormalisedAsTheApiDoesAndAPhoneNumberCanBeShownOnSeveralChannels() {
        record(SMS, NEWS, null, ConsentState.OPTED_IN);

        ConsentCenter.Person person = center.person(ACME, PersonQuery.contactPoints(List.of(
                new RawContactPoint(Channel.SMS, "+33 6 12 34 56 78"), new RawContactPoint(Channel.VOICE, "+33 (0)6 12 34 56 78"))));

        assertThat(person.contact()).isNull();
        assertThat(person.contactPoints()).containsExactly(SMS, new ContactPoint(Channel.VOICE, "+33612345678"));
        assertThat(person.profiles().getFirst().rows().getFirst().cells().getFirst().record().state()).isEqualTo(ConsentState.OPTED_IN);
    }

    @Test
    void anUnknownContactOrAQueryNamingNobodyIsRefused() {
        assertThatThrownBy(() -> center.person(ACME, PersonQuery.contact(new TechnicalId("nobody"))))
                .isInstanceOf(DomainRejection.NotFound.class);
        assertThatThrownBy(() -> center.person(ACME, PersonQuery.contact(new TechnicalId("c-ann")).inProfile(new TechnicalId("other"))))
                .isInstanceOf(DomainRejection.NotFound.class);
        assertThatThrownBy(() -> new PersonQuery(null, List.of(), null)).isInstanceOf(DomainRejection.InvalidInput.class);
        assertThatThrownBy(() -> new PersonQuery(new TechnicalId("c-ann"), List.of(new RawContactPoint(Channel.EMAIL, "a@b.c")), null))
                .isInstanceOf(DomainRejection.InvalidInput.class);
        var tooMany = java.util.stream.IntStream.rangeClosed(1, PersonQuery.MAX_CONTACT_POINTS + 1)
                .mapToObj(i -> new RawContactPoint(Channel.EMAIL, "p" + i + "@example.com")).toList();
        assertThatThrownBy(() -> PersonQuery.contactPoints(tooMany)).isInstanceOf(DomainRejection.InvalidInput.class)
                .hasMessageContaining("at most " + PersonQuery.MAX_CONTACT_POINTS);
        assertThat(PersonQuery.contactPoints(tooMany.subList(0, PersonQuery.MAX_CONTACT_POINTS)).contactPoints())
                .hasSize(PersonQuery.MAX_CONTACT_POINTS);
        assertThat(records.currentReads).isZero();
    }

    private void record(ContactPoint contactPoint, TechnicalId purpose, TechnicalId topic, ConsentState state) {
        RecordKey key = new RecordKey(SHOP, contactPoint, purpose, topic);
        var capture = new ConsentCapture(key, state, Instant.parse("2026-11-01T00:00:00Z"), Source.API, new Actor("crm"), Evidence.NONE, "corr");
        records.append(records.load(ACME, key).capture(capture, false, "c-" + key.value(), Instant.parse("2026-11-01T00:00:01Z")));
    }
}
