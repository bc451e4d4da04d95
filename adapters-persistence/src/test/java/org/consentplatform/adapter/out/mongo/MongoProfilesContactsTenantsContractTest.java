package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.AddressFormat;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ChannelDefinition;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoProfilesContactsTenantsContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final TechnicalId RETAIL = new TechnicalId("retail");

    @Test
    void aProfileRoundTripsAndIsRevisedOnlyFromItsCurrentVersion() {
        var profiles = new MongoComplianceProfiles(store, Duration.ofMinutes(1));
        var created = ComplianceProfile.create(ACME, RETAIL, new ProfileDefinition("Retail", "Paris", List.of(
                Purpose.define(new TechnicalId("news.letter"), "News", PurposeType.COMMERCIAL, null, null,
                        List.of(new Topic(new TechnicalId("shoes"), "Shoes")), true)), null));
        profiles.add(created);

        var stored = profiles.find(ACME, RETAIL).orElseThrow();
        assertThat(stored.purposes()).isEqualTo(created.purposes());
        assertThat(stored.defaultConsents()).isEqualTo(created.defaultConsents());
        assertThatThrownBy(() -> profiles.add(created)).isInstanceOf(DomainRejection.AlreadyExists.class);

        var revision = stored.revise(new ProfileDefinition("Retail FR", null, stored.purposes(), null), 1);
        var concurrent = stored.revise(new ProfileDefinition("Retail PL", null, stored.purposes(), null), 1);
        profiles.replace(revision);
        assertThatThrownBy(() -> profiles.replace(concurrent)).isInstanceOf(DomainRejection.ConcurrentChange.class);
        assertThat(profiles.find(ACME, RETAIL).orElseThrow().name()).isEqualTo("Retail FR");
        assertThat(profiles.all(ACME)).hasSize(1);
        assertThat(profiles.find(new TenantId("globex"), RETAIL)).isEmpty();
    }

    @Test
    void contactsRoundTripAndAreFoundInBulk() {
        var contacts = new MongoContacts(store, keys);
        var ann = new Contact(ACME, new TechnicalId("c-1"), EntityType.CONTACT, new LegacyFlags(true, false, true),
                List.of(new ContactPoint(Channel.EMAIL, "ann@example.com"), new ContactPoint(Channel.SMS, "+33612345678")));
        var bob = new Contact(ACME, new TechnicalId("l-2"), EntityType.LEAD, null, List.of());
        contacts.save(ann);
        contacts.save(bob);

        assertThat(contacts.find(ACME, ann.id())).as("read with its addresses decrypted").contains(ann);
        assertThat(contacts.findAll(ACME, List.of(ann.id(), bob.id(), new TechnicalId("none")))).containsOnlyKeys(ann.id(), bob.id());
        assertThat(contacts.findAll(ACME, List.of(ann.id())).get(ann.id()).contactPoints())
                .as("for decisions: flags only, nothing decrypted").allMatch(ContactPoint::isWithheld)
                .extracting(point -> keys.pseudonym(ACME, point))
                .containsExactly(keys.pseudonym(ACME, ann.contactPoints().get(0)), keys.pseudonym(ACME, ann.contactPoints().get(1)));
        assertThat(contacts.find(new TenantId("globex"), ann.id())).isEmpty();
        assertThat(store.collection(MongoStore.CONTACTS).find().first().toJson()).as("no address stored")
                .doesNotContain("ann@example.com").doesNotContain("33612345678");
    }

    @Test
    void aMinorFlagIsFiledOnTheContactPointsSubjectByPseudonymAndFoundByItsAddress() {
        var contacts = new MongoContacts(store, keys);
        var ann = new ContactPoint(Channel.EMAIL, "ann@example.com");
        var bob = new ContactPoint(Channel.EMAIL, "bob@example.com");
        contacts.saveMinorFlag(ACME, new MinorFlag(ann, LocalDate.parse("2012-05-01")));

        assertThat(contacts.minorFlags(ACME, List.of(ann, bob))).containsOnlyKeys(ann)
                .containsValue(new MinorFlag(ann, LocalDate.parse("2012-05-01")));
        assertThat(contacts.minorFlags(new TenantId("globex"), List.of(ann))).isEmpty();
        Document subject = store.collection(MongoStore.RECORDS).find(Filters.eq("_id", keys.subjectId(ACME, ann))).first();
        assertThat(subject.toJson()).doesNotContain("ann@example.com").contains("2012-05-01");
        assertThat(store.collection(MongoStore.MINORS).countDocuments()).isZero();

        assertThat(keys.seal(ACME, ann).holdsAddress()).as("a subject holding a flag alone gets its data key at the first capture")
                .isTrue();
        assertThat(contacts.minorFlags(ACME, List.of(ann))).as("and keeps its flag").containsOnlyKeys(ann);
        contacts.removeMinorFlag(ACME, ann);
        assertThat(contacts.minorFlags(ACME, List.of(ann))).isEmpty();
        assertThat(keys.addresses(ACME, List.of(keys.seal(ACME, ann)))).as("nor does the key go with the flag").hasSize(1);
    }

    @Test
    void aDecisionReadsTheMinorFlagWithTheRecords() {
        var contacts = new MongoContacts(store, keys);
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        var ann = new ContactPoint(Channel.EMAIL, "ann@example.com");
        RecordKey news = RecordKey.ofPurpose(new TechnicalId("retail"), ann, new TechnicalId("newsletter"));
        contacts.saveMinorFlag(ACME, new MinorFlag(ann, null));

        assertThat(records.current(ACME, List.of(news)).minors()).containsOnlyKeys(ann);
    }

    @Test
    void tenantSettingsRoundTrip() {
        var tenants = new MongoTenants(store, Duration.ofMinutes(1));
        var settings = new TenantSettings(false, false, "PL",
                List.of(new ChannelDefinition(Channel.of("channel", "WHATSAPP"), "WhatsApp", AddressFormat.PHONE)));

        assertThat(tenants.settings(ACME)).isEmpty();
        tenants.save(ACME, settings);
        assertThat(tenants.settings(ACME)).contains(settings);
    }

    @Test
    void anIdempotencyKeyIsClaimedOnce() {
        var keys = new MongoIdempotencyRecords(store, this.keys);
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        assertThat(keys.claim(ACME, "k-1", "fp", now)).isTrue();
        assertThat(keys.claim(ACME, "k-1", "fp", now)).isFalse();
        assertThat(keys.claim(new TenantId("globex"), "k-1", "fp", now)).isTrue();
        keys.complete(ACME, "k-1", "{\"status\":201,\"address\":\"ann@example.com\"}",
                List.of(new ContactPoint(Channel.EMAIL, "ann@example.com")));
        assertThat(keys.find(ACME, "k-1").orElseThrow().response()).isEqualTo("{\"status\":201,\"address\":\"ann@example.com\"}");
        org.bson.Document stored = store.collection(MongoStore.IDEMPOTENCY).find(new org.bson.Document("_id", "acme|k-1")).first();
        assertThat(stored.toJson()).as("kept encrypted").doesNotContain("ann@example.com");
        assertThat(stored.getList("subjects", String.class)).as("under the pseudonym of whom it names")
                .containsExactly(this.keys.pseudonym(ACME, new ContactPoint(Channel.EMAIL, "ann@example.com")));
        keys.release(ACME, "k-1");
        assertThat(keys.find(ACME, "k-1")).isEmpty();
    }
}
