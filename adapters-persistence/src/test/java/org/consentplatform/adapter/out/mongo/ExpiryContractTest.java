package org.consentplatform.adapter.out.mongo;

import org.consentplatform.application.port.out.Leases;
import org.consentplatform.application.service.ExpiryService;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentLifetime;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The expiry job against real storage: its candidates, and two instances that run it at once. */
class ExpiryContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TechnicalId NEWS = new TechnicalId("news");
    private static final ComplianceProfile PROFILE = ComplianceProfile.create(ACME, new TechnicalId("retail"), new ProfileDefinition(
            "Retail", null, List.of(Purpose.define(NEWS, null, PurposeType.COMMERCIAL, null, null,
                    List.of(new Topic(new TechnicalId("weekly"), null)), false, null, new ConsentLifetime(Period.ofMonths(12), false))), null));

    @Test
    void candidatesAreTheOptInsOfThePurposeCapturedBeforeTheCutOffOldestFirst() {
        var records = new MongoConsentRecords(store, keys, CLOCK);
        write(records, key("old@example.com", null), ConsentState.OPTED_IN, NOW.minus(Duration.ofDays(500)));
        write(records, key("older@example.com", "weekly"), ConsentState.OPTED_IN, NOW.minus(Duration.ofDays(600)));
        write(records, key("out@example.com", null), ConsentState.OPTED_OUT, NOW.minus(Duration.ofDays(700)));
        write(records, key("young@example.com", null), ConsentState.OPTED_IN, NOW.minus(Duration.ofDays(10)));

        // read without decrypting: the candidates' contact points are withheld, named by pseudonym
        assertThat(records.optedInCapturedBefore(ACME, PROFILE.id(), NEWS, NOW.minus(Duration.ofDays(365)), 10))
                .extracting(record -> record.key().contactPoint())
                .containsExactly(withheld("older@example.com"), withheld("old@example.com"));
    }

    @Test
    void twoInstancesRunningTheJobAtOnceWriteEachExpiryOnce() throws Exception {
        new MongoComplianceProfiles(store, Duration.ZERO).add(PROFILE);
        var records = new MongoConsentRecords(store, keys, CLOCK);
        for (int i = 0; i < 120; i++) {
            write(records, key("p" + i + "@example.com", i % 3 == 0 ? "weekly" : null), ConsentState.OPTED_IN,
                    NOW.atOffset(ZoneOffset.UTC).minusMonths(13).toInstant().plusSeconds(i));
        }
        write(records, key("fresh@example.com", null), ConsentState.OPTED_IN, NOW.minus(Duration.ofDays(30)));

        // a lease both get lets them run together: the change log alone must keep them from writing twice
        List<Callable<Integer>> instances = List.of(job(store, "a"), job(anotherInstance(), "b"));
        int written;
        try (var pool = Executors.newFixedThreadPool(2)) {
            written = pool.invokeAll(instances).stream().mapToInt(ExpiryContractTest::result).sum();
        }

        assertThat(written).isEqualTo(120);
        Map<String, Long> expiriesPerRecord = store.collection(MongoStore.CHANGES).find(new Document("source", "EXPIRY"))
                .into(new java.util.ArrayList<>()).stream()
                .collect(Collectors.groupingBy(doc -> doc.getString("recordKey"), Collectors.counting()));
        assertThat(expiriesPerRecord).hasSize(120).allSatisfy((record, count) -> assertThat(count).isOne());
        assertThat(records.load(ACME, key("p0@example.com", "weekly")).current().orElseThrow().expired()).isTrue();
        assertThat(records.load(ACME, key("fresh@example.com", null)).state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(job(store, "c").call()).as("a second run finds nothing left").isZero();
    }

    @Test
    void whileOneInstanceHoldsTheLeaseTheOtherDoesNothing() throws Exception {
        new MongoComplianceProfiles(store, Duration.ZERO).add(PROFILE);
        new MongoLeases(store, CLOCK).acquire(ExpiryService.LEASE, "a", Duration.ofMinutes(5));
        write(new MongoConsentRecords(store, keys, CLOCK), key("p@example.com", null), ConsentState.OPTED_IN,
                NOW.atOffset(ZoneOffset.UTC).minusMonths(13).toInstant());

        assertThat(new ExpiryService(new MongoConsentRecords(store, keys, CLOCK), new MongoConsentHistory(store, keys),
                new MongoComplianceProfiles(store, Duration.ZERO), new MongoLeases(store, CLOCK), "b", Duration.ofMinutes(5), 50, CLOCK)
                .expireDue()).isZero();
    }

    private ContactPoint withheld(String address) {
        var contactPoint = new ContactPoint(Channel.EMAIL, address);
        return ContactPoint.withheld(Channel.EMAIL, keys.pseudonym(ACME, contactPoint));
    }

    private Callable<Integer> job(MongoStore instance, String name) {
        ContactPointKeys instanceKeys = keys(instance);
        var service = new ExpiryService(new MongoConsentRecords(instance, instanceKeys, CLOCK), new MongoConsentHistory(instance, instanceKeys),
                new MongoComplianceProfiles(instance, Duration.ZERO), EVERYONE_HOLDS_IT, name, Duration.ofMinutes(1), 7, CLOCK);
        return service::expireDue;
    }

    /** A lease as if it lapsed between every two calls: every instance holds it. */
    private static final Leases EVERYONE_HOLDS_IT = new Leases() {
        @Override
        public boolean acquire(String lease, String holder, Duration ttl) {
            return true;
        }

        @Override
        public void release(String lease, String holder) {
        }

        @Override
        public java.util.List<String> holders(String prefix) {
            return java.util.List.of();
        }
    };

    private static int result(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordKey key(String address, String topic) {
        return new RecordKey(PROFILE.id(), new ContactPoint(Channel.EMAIL, address), NEWS, topic == null ? null : new TechnicalId(topic));
    }

    private static void write(MongoConsentRecords records, RecordKey key, ConsentState state, Instant at) {
        var capture = new ConsentCapture(key, state, at, Source.API, new Actor("crm"), Evidence.NONE, null);
        ConsentChange change = records.load(ACME, key).capture(capture, false, UUID.randomUUID().toString(), at);
        assertThat(records.append(change)).isTrue();
    }
}
