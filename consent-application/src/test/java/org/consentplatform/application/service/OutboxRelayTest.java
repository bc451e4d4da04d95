package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ChangeOutbox;
import org.consentplatform.application.port.out.EventPublisher;
import org.consentplatform.application.port.out.Leases;
import org.consentplatform.domain.sms.SmsReceived;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.consent.TenantCheckpoint;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxRelayTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Outbox outbox = new Outbox();
    private final Broker broker = new Broker();
    private boolean leaseFree = true;
    private final Leases leases = new Leases() {
        @Override
        public boolean acquire(String lease, String holder, Duration ttl) {
            return leaseFree;
        }

        @Override
        public void release(String lease, String holder) {
        }

        @Override
        public List<String> holders(String prefix) {
            return leaseFree ? List.of("me") : List.of();
        }
    };
    private final OutboxRelay relay = new OutboxRelay(outbox, broker, leases, "me", Duration.ofSeconds(10), 3,
            Clock.fixed(NOW, java.time.ZoneOffset.UTC));

    @Test
    void publishesEverythingPendingBatchAfterBatchAndMarksItPublished() {
        List<ConsentChange> changes = history("ann@example.com", 7);
        changes.forEach(outbox::add);

        assertThat(relay.relayPending()).isEqualTo(7);

        assertThat(broker.sent).containsExactlyElementsOf(changes);
        assertThat(outbox.pending).isEmpty();
        assertThat(relay.status().published()).isEqualTo(7);
        assertThat(relay.status().lastFailure()).isNull();
    }

    @Test
    void withoutTheLeaseNothingIsSent() {
        history("ann@example.com", 2).forEach(outbox::add);
        leaseFree = false;

        assertThat(relay.relayPending()).isZero();

        assertThat(broker.sent).isEmpty();
        assertThat(relay.status().leader()).isFalse();
        assertThat(relay.status().backlog()).isEqualTo(2);
    }

    @Test
    void aChangeNotAcknowledgedHoldsBackTheLaterChangesOfItsRecordOnly() {
        List<ConsentChange> ann = history("ann@example.com", 2);
        List<ConsentChange> bob = history("bob@example.com", 1);
        outbox.add(ann.get(0));
        outbox.add(bob.get(0));
        outbox.add(ann.get(1));
        broker.refuse.add(ann.get(0).id());

        relay.relayPending();

        assertThat(outbox.pending.keySet()).containsExactlyInAnyOrder(ann.get(0).id(), ann.get(1).id());
        assertThat(relay.status().failures()).isEqualTo(1);
        assertThat(relay.status().lastFailure()).contains("refused");

        broker.refuse.clear();
        relay.relayPending();
        assertThat(outbox.pending).isEmpty();
        assertThat(relay.status().lastFailure()).isNull();
        // ann's second change went out again after her first: duplicates, never out of order
        assertThat(broker.sent.stream().filter(c -> c.key().equals(ann.get(0).key())).map(ConsentChange::seq).toList())
                .containsExactly(1L, 2L, 1L, 2L);
    }

    @Test
    void theSharesOfTheLogAreDealtOutAmongTheLiveInstancesAndEachPublishesItsOwnInOrder() {
        var shared = new SharedLeases();
        var me = new Broker();
        var you = new Broker();
        var mine = new OutboxRelay(outbox, me, shared, "a-me", Duration.ofSeconds(10), 3, 4, Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        var yours = new OutboxRelay(outbox, you, shared, "b-you", Duration.ofSeconds(10), 3, 4, Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        var changes = new ArrayList<ConsentChange>();
        for (int person = 0; person < 12; person++) {
            changes.addAll(history("person" + person + "@example.com", 3));
        }
        changes.forEach(outbox::add);

        yours.relayPending(); // alone so far: every share is its own
        assertThat(you.sent).containsExactlyInAnyOrderElementsOf(changes);
        var later = new ArrayList<ConsentChange>();
        for (int person = 0; person < 12; person++) {
            later.addAll(history("later" + person + "@example.com", 2));
        }
        later.forEach(outbox::add);

        mine.relayPending(); // two members now; "a-me" is dealt shares 0 and 2, which "b-you" still holds
        assertThat(me.sent).isEmpty();
        yours.relayPending(); // gives back 0 and 2, publishes 1 and 3
        mine.relayPending(); // takes 0 and 2
        assertThat(outbox.pending).isEmpty();
        assertThat(me.sent).isNotEmpty().allSatisfy(change -> assertThat(share(change)).isIn(0, 2));
        assertThat(you.sent.subList(changes.size(), you.sent.size())).isNotEmpty()
                .allSatisfy(change -> assertThat(share(change)).isIn(1, 3));
        assertThat(mine.status().leader()).isTrue();
        assertThat(yours.status().leader()).isTrue();
        // each contact point's changes went out from one instance, in their order
        for (Broker broker : List.of(me, you)) {
            var byRecord = new java.util.HashMap<RecordKey, List<Long>>();
            broker.sent.forEach(change -> byRecord.computeIfAbsent(change.key(), key -> new ArrayList<>()).add(change.seq()));
            byRecord.values().forEach(seqs -> assertThat(seqs).isSorted());
        }
    }

    @Test
    void aHandOverFinishesTheBatchInFlightAndGivesTheLeaseToTheNextInstanceAtOnce() throws Exception {
        List<ConsentChange> changes = history("ann@example.com", 7);
        changes.forEach(outbox::add);
        var shared = new SharedLeases();
        var acknowledge = new CompletableFuture<Void>();
        var firstBatchSent = new java.util.concurrent.CountDownLatch(1);
        var slowBroker = new Broker() {
            @Override
            public synchronized CompletableFuture<Outcome> publish(List<ChangeOutbox.Entry> batch) {
                CompletableFuture<Outcome> outcome = super.publish(batch).thenCombine(acknowledge, (sent, ignored) -> sent);
                firstBatchSent.countDown();
                return outcome;
            }
        };
        var stopping = new OutboxRelay(outbox, slowBroker, shared, "stopping", Duration.ofMinutes(10), 3, Clock.systemUTC());
        var running = Thread.ofPlatform().start(stopping::relayPending);
        assertThat(firstBatchSent.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the first batch is on its way").isTrue();

        var handOver = CompletableFuture.supplyAsync(() -> stopping.handOver(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> handOver.get(100, java.util.concurrent.TimeUnit.MILLISECONDS)).as("it waits for the batch in flight")
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        acknowledge.complete(null);
        running.join();

        assertThat(handOver.get()).isTrue();
        assertThat(List.copyOf(slowBroker.sent)).as("the batch in flight, and no other").containsExactlyElementsOf(changes.subList(0, 3));
        assertThat(outbox.pending.keySet()).as("that batch is marked published")
                .containsExactlyElementsOf(changes.subList(3, 7).stream().map(ConsentChange::id).toList());
        assertThat(shared.holders).as("its lease given back").isEmpty();

        var next = new OutboxRelay(outbox, broker, shared, "next", Duration.ofMinutes(10), 3, Clock.systemUTC());
        assertThat(next.relayPending()).as("the next instance takes over without waiting for the lease to expire").isEqualTo(4);
        assertThat(broker.sent).containsExactlyElementsOf(changes.subList(3, 7));
    }

    /** A trace context per change, as the store keeps it with the change. */
    private static String traceOf(ConsentChange change) {
        return "00-" + change.id().replace("-", "") + "-00f067aa0ba902b7-01";
    }

    private static int share(ConsentChange change) {
        return Math.floorMod(change.key().contactPoint().hashCode(), 4);
    }

    /** One holder per lease until released, as when none expires meanwhile. */
    private static final class SharedLeases implements Leases {
        final Map<String, String> holders = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public boolean acquire(String lease, String holder, Duration ttl) {
            return holders.putIfAbsent(lease, holder) == null || holders.get(lease).equals(holder);
        }

        @Override
        public void release(String lease, String holder) {
            holders.remove(lease, holder);
        }

        @Override
        public List<String> holders(String prefix) {
            return holders.entrySet().stream().filter(lease -> lease.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
        }
    }

    private static List<ConsentChange> history(String address, int count) {
        RecordKey key = RecordKey.ofPurpose(new TechnicalId("retail"), new ContactPoint(Channel.EMAIL, address),
                new TechnicalId("commercial"));
        var changes = new ArrayList<ConsentChange>();
        ConsentRecord record = ConsentRecord.absent(ACME, key, TestSeals.of(key));
        for (int i = 0; i < count; i++) {
            var capture = new ConsentCapture(key, i % 2 == 0 ? ConsentState.OPTED_IN : ConsentState.OPTED_OUT,
                    NOW.plusSeconds(i), Source.API, new Actor("crm"), Evidence.NONE, null);
            ConsentChange change = record.capture(capture, false, UUID.randomUUID().toString(), NOW.plusSeconds(i));
            changes.add(change);
            record = ConsentRecord.reconstitute(change);
        }
        return changes;
    }

    private static final class Outbox implements ChangeOutbox {
        final Map<String, ConsentChange> pending = new LinkedHashMap<>();

        void add(ConsentChange change) {
            pending.put(change.id(), change);
        }

        @Override
        public List<Entry> unpublished(Partition partition, int limit, Set<String> sent) {
            return pending.values().stream().filter(change -> Math.floorMod(change.key().contactPoint().hashCode(), partition.count())
                    == partition.index()).filter(change -> !sent.contains(change.id())).limit(limit)
                    .map(change -> new Entry(change, traceOf(change))).toList();
        }

        @Override
        public void markPublished(Collection<String> changeIds, Instant publishedAt) {
            changeIds.forEach(pending::remove);
        }

        @Override
        public Backlog backlog() {
            return pending.isEmpty() ? Backlog.EMPTY : new Backlog(pending.size(), pending.values().iterator().next().recordedAt());
        }
    }

    private static class Broker implements EventPublisher {
        @Override
        public void announce(List<Erased> erasures) {
            throw new AssertionError("no erasure here");
        }

        @Override
        public void reply(SmsReceived.Reply reply) {
            throw new AssertionError("no SMS here");
        }

        final List<ConsentChange> sent = new ArrayList<>();
        final Set<String> refuse = new HashSet<>();

        @Override
        public CompletableFuture<Outcome> publish(List<ChangeOutbox.Entry> entries) {
            var acknowledged = new HashSet<String>();
            entries.forEach(entry -> {
                ConsentChange change = entry.change();
                assertThat(entry.traceparent()).as("the trace context of the change, passed on").isEqualTo(traceOf(change));
                sent.add(change);
                if (!refuse.contains(change.id())) {
                    acknowledged.add(change.id());
                }
            });
            return CompletableFuture.completedFuture(new Outcome(acknowledged, refuse.isEmpty() ? null : "refused by the broker"));
        }

        @Override
        public void publish(TenantCheckpoint checkpoint) {
        }

        @Override
        public CompletableFuture<Void> publish(ConfirmationRequested requested) {
            throw new AssertionError("the relay publishes changes only");
        }
    }
}
