package org.consentplatform.adapter.out.mongo;

import org.consentplatform.application.port.out.ChangeOutbox.Entry;
import org.consentplatform.application.port.out.ChangeOutbox.Partition;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.consent.StreamHead;
import org.consentplatform.domain.consent.TenantCheckpoint;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MongoOutboxLeasesCheckpointsContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void theOutboxHandsOutUnpublishedChangesOldestFirstUntilTheyAreMarked() {
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        var outbox = new MongoChangeOutbox(store, keys);
        List<ConsentChange> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(write(records, key("ann" + (i % 2) + "@example.com"), i % 2 == 0 ? ConsentState.OPTED_IN : ConsentState.OPTED_OUT,
                    NOW.plusSeconds(i)));
        }

        assertThat(outbox.unpublished(Partition.WHOLE, 3, Set.of())).extracting(Entry::id)
                .containsExactly(written.get(0).id(), written.get(1).id(), written.get(2).id());
        assertThat(outbox.backlog()).isEqualTo(new org.consentplatform.application.port.out.ChangeOutbox.Backlog(5, NOW));

        outbox.markPublished(List.of(written.get(0).id(), written.get(1).id()), NOW.plusSeconds(60));

        assertThat(outbox.unpublished(Partition.WHOLE, 10, Set.of())).extracting(Entry::id)
                .containsExactly(written.get(2).id(), written.get(3).id(), written.get(4).id());
        assertThat(outbox.unpublished(Partition.WHOLE, 10, Set.of()).getFirst()).isEqualTo(new Entry(written.get(2), null));
        assertThat(outbox.backlog().changes()).isEqualTo(3);
        assertThat(outbox.unpublished(Partition.WHOLE, 1, Set.of(written.get(2).id(), written.get(3).id())))
                .as("those sent already are left out, and the limit counts the others").extracting(Entry::id)
                .containsExactly(written.get(4).id());
    }

    @Test
    void eachChangeLeavesTheOutboxWithTheTraceContextOfTheWorkThatWroteIt() {
        var trace = new java.util.concurrent.atomic.AtomicReference<String>("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC(), change -> { }, trace::get);
        var outbox = new MongoChangeOutbox(store, keys);
        ConsentChange traced = write(records, key("traced@example.com"), ConsentState.OPTED_IN, NOW);
        trace.set(null);
        ConsentChange untraced = write(records, key("untraced@example.com"), ConsentState.OPTED_IN, NOW.plusSeconds(1));

        assertThat(outbox.unpublished(Partition.WHOLE, 10, Set.of())).containsExactly(
                new Entry(traced, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), new Entry(untraced, null));
    }

    @Test
    void theSharesOfTheOutboxSplitItByContactPointAndTogetherHoldIt() {
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        var outbox = new MongoChangeOutbox(store, keys);
        List<ConsentChange> written = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            written.add(write(records, key("p" + (i % 20) + "@example.com"), i % 2 == 0 ? ConsentState.OPTED_IN : ConsentState.OPTED_OUT,
                    NOW.plusSeconds(i)));
        }

        var shares = new ArrayList<List<ConsentChange>>();
        for (int index = 0; index < 3; index++) {
            shares.add(outbox.unpublished(new Partition(index, 3), 100, Set.of()).stream().map(Entry::change).toList());
        }

        assertThat(shares.stream().flatMap(List::stream).map(ConsentChange::id))
                .as("each change in one share").containsExactlyInAnyOrderElementsOf(written.stream().map(ConsentChange::id).toList());
        for (List<ConsentChange> share : shares) {
            assertThat(share).as("oldest first").isSortedAccordingTo(java.util.Comparator.comparing(ConsentChange::recordedAt));
            for (List<ConsentChange> other : shares) {
                if (other != share) {
                    assertThat(share).as("a contact point is in one share").noneMatch(change -> other.stream()
                            .anyMatch(o -> o.key().contactPoint().equals(change.key().contactPoint())));
                }
            }
        }
        assertThat(shares).as("a hash spreads twenty contact points over three shares").allSatisfy(share -> assertThat(share).isNotEmpty());
    }

    @Test
    void theHoldersOfLeasesByPrefixAreThoseNotExpired() {
        var clock = new MutableClock(NOW);
        var leases = new MongoLeases(store, clock);
        leases.acquire("relay.member:a", "a", Duration.ofSeconds(10));
        leases.acquire("relay.member:b", "b", Duration.ofSeconds(30));
        leases.acquire("relay-member:c", "c", Duration.ofSeconds(30)); // the prefix's dot is not a wildcard
        leases.acquire("relay", "d", Duration.ofSeconds(30));

        assertThat(leases.holders("relay.member:")).containsExactlyInAnyOrder("a", "b");
        clock.now = NOW.plusSeconds(11);
        assertThat(leases.holders("relay.member:")).containsExactly("b");
    }

    @Test
    void aLeaseIsHeldByOneHolderUntilItExpiresOrIsReleased() {
        var clock = new MutableClock(NOW);
        var leases = new MongoLeases(store, clock);

        assertThat(leases.acquire("relay", "a", Duration.ofSeconds(10))).isTrue();
        assertThat(leases.acquire("relay", "b", Duration.ofSeconds(10))).isFalse();
        assertThat(leases.acquire("relay", "a", Duration.ofSeconds(10))).as("renewed by its holder").isTrue();
        assertThat(leases.acquire("other", "b", Duration.ofSeconds(10))).as("leases are independent").isTrue();

        clock.now = NOW.plusSeconds(11);
        assertThat(leases.acquire("relay", "b", Duration.ofSeconds(10))).as("taken over once expired").isTrue();
        assertThat(leases.acquire("relay", "a", Duration.ofSeconds(10))).isFalse();

        leases.release("relay", "b");
        assertThat(leases.acquire("relay", "a", Duration.ofSeconds(10))).as("free once released").isTrue();
    }

    @Test
    void checkpointsKeepTheirHeadsInChunksAndTheirPublishedFlag() {
        var checkpoints = new MongoCheckpoints(store);
        var heads = new ArrayList<StreamHead>();
        for (int i = 0; i < MongoCheckpoints.CHUNK + 7; i++) {
            heads.add(new StreamHead(keys.stored(ACME, key("h" + i + "@example.com")), i + 1, "%064d".formatted(i)));
        }
        TenantCheckpoint first = TenantCheckpoint.seal(ACME, null, heads, NOW);
        TenantCheckpoint second = TenantCheckpoint.seal(ACME, first, heads.subList(0, 3), NOW.plusSeconds(60));

        assertThat(checkpoints.add(first, heads)).isTrue();
        assertThat(checkpoints.add(first, heads)).as("a number is taken once").isFalse();
        assertThat(checkpoints.add(second, heads.subList(0, 3))).isTrue();

        assertThat(checkpoints.latest(ACME)).contains(second);
        assertThat(checkpoints.latest(new TenantId("globex"))).isEmpty();
        List<StreamHead> stored = checkpoints.heads(first);
        assertThat(stored).containsExactlyElementsOf(heads);
        assertThat(first.seals(stored)).isTrue();
        assertThat(checkpoints.unpublished(ACME)).containsExactly(first, second);

        checkpoints.markPublished(first);
        assertThat(checkpoints.unpublished(ACME)).containsExactly(second);
    }

    private static RecordKey key(String address) {
        return RecordKey.ofPurpose(new TechnicalId("retail"), new ContactPoint(Channel.EMAIL, address), new TechnicalId("commercial"));
    }

    private static ConsentChange write(MongoConsentRecords records, RecordKey key, ConsentState state, Instant at) {
        var capture = new ConsentCapture(key, state, at, Source.API, new Actor("crm"), Evidence.NONE, null);
        ConsentChange change = records.load(ACME, key).capture(capture, false, UUID.randomUUID().toString(), at);
        assertThat(records.append(change)).isTrue();
        return change;
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
