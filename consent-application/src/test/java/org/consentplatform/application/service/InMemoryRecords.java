package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The change log of one test: appends fail while {@code racesToLose} is positive, like a concurrent writer winning. */
final class InMemoryRecords implements ConsentRecords {
    final Map<RecordKey, List<ConsentChange>> log = new HashMap<>();
    int racesToLose;
    /** How many times current states were read: each is one round trip to a store. */
    int currentReads;
    /** The suppression list the records' contact points are read with, as storage files both together. */
    final InMemoryErasures erasures;
    /** The minor flags the records' contact points are read with (give them to {@link NoContacts} to share them). */
    final Map<ContactPoint, MinorFlag> minors = new HashMap<>();

    InMemoryRecords() {
        this(new InMemoryErasures());
    }

    InMemoryRecords(InMemoryErasures erasures) {
        this.erasures = erasures;
    }

    @Override
    public String pseudonym(TenantId tenant, ContactPoint contactPoint) {
        return TestSeals.pseudonym(contactPoint);
    }

    @Override
    public ConsentRecord load(TenantId tenant, RecordKey key) {
        List<ConsentChange> changes = log.getOrDefault(key, List.of());
        ConsentRecord record = changes.isEmpty() ? ConsentRecord.absent(tenant, key, TestSeals.of(key))
                : ConsentRecord.reconstitute(changes.getLast());
        Suppression suppression = erasures.suppressions.get(key.contactPoint());
        return suppression == null ? record : record.suppressedBy(suppression);
    }

    @Override
    public boolean append(ConsentChange change) {
        if (racesToLose-- > 0) {
            return false;
        }
        if (log.values().stream().flatMap(List::stream).anyMatch(logged -> logged.id().equals(change.id()))) {
            return false; // the log's unique id, as in storage
        }
        log.computeIfAbsent(change.key(), k -> new ArrayList<>()).add(change);
        return true;
    }

    @Override
    public Current current(TenantId tenant, Collection<RecordKey> keys) {
        currentReads++;
        var states = new HashMap<RecordKey, RecordState>();
        var suppressed = new HashMap<ContactPoint, Suppression>();
        var flagged = new HashMap<ContactPoint, MinorFlag>();
        for (RecordKey key : keys) {
            load(tenant, key).current().ifPresent(state -> states.put(key, state));
            Optional.ofNullable(erasures.suppressions.get(key.contactPoint())).ifPresent(s -> suppressed.put(key.contactPoint(), s));
            Optional.ofNullable(minors.get(key.contactPoint())).ifPresent(flag -> flagged.put(key.contactPoint(), flag));
        }
        return new Current(states, suppressed, flagged);
    }

    @Override
    public List<ConsentRecord> ofContactPoint(TenantId tenant, ContactPoint contactPoint) {
        return log.keySet().stream().filter(key -> key.contactPoint().equals(contactPoint)).map(key -> load(tenant, key))
                .filter(record -> record.current().isPresent()).toList();
    }

    @Override
    public List<ConsentRecord> optedInCapturedBefore(TenantId tenant, TechnicalId profileId, TechnicalId purposeId,
                                                     Instant capturedBefore, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<org.consentplatform.domain.report.Series, Long> countOptedInCapturedBefore(TenantId tenant, TechnicalId profileId,
                                                                                         TechnicalId purposeId, Instant capturedBefore) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void scanPurpose(TenantId tenant, TechnicalId profileId, TechnicalId purposeId, Channel channel,
                            java.util.function.Consumer<ConsentRecord> each) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int repairProjections(java.time.Duration grace) {
        return 0; // the log and the projection are one write here: nothing is ever left behind
    }

    @Override
    public List<ConsentChange> changes(TenantId tenant, Collection<String> changeIds) {
        return log.values().stream().flatMap(List::stream).filter(change -> changeIds.contains(change.id())).toList();
    }

    @Override
    public Map<RecordKey, ConsentRecord> loadAll(TenantId tenant, Collection<RecordKey> keys) {
        var loaded = new HashMap<RecordKey, ConsentRecord>();
        keys.forEach(key -> loaded.put(key, load(tenant, key)));
        return loaded;
    }

    @Override
    public Set<String> appendAll(List<ConsentChange> changes, Repair repair) {
        var appended = new java.util.HashSet<String>();
        var blocked = new java.util.HashSet<RecordKey>();
        for (ConsentChange change : changes) {
            if (!blocked.contains(change.key()) && append(change)) {
                appended.add(change.id());
            } else {
                blocked.add(change.key());
            }
        }
        return appended;
    }

    /** The log is the record here: nothing lags behind it. */
    @Override
    public void project(Collection<ConsentChange> changes) {
    }
}
