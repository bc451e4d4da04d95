package org.consentplatform.application.service;

import org.consentplatform.application.port.out.Erasures;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.privacy.Erasure;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The suppression list and erasure log of one test (one tenant): what each call did is kept for the test to read. */
final class InMemoryErasures implements Erasures {
    final Map<ContactPoint, Suppression> suppressions = new HashMap<>();
    final Map<String, Erasure> log = new LinkedHashMap<>();
    final List<ContactPoint> readmitted = new ArrayList<>();
    final List<Erasure.Lift> lifts = new ArrayList<>();
    final List<Collection<ContactPoint>> tracesErased = new ArrayList<>();
    /** How many times suppressions were read: each is one round trip to a store. */
    int suppressionReads;

    @Override
    public void begin(Erasure erasure) {
        log.put(erasure.id(), erasure);
    }

    @Override
    public List<Erasure> unannounced(Instant before) {
        return log.values().stream().filter(e -> !e.announced() && e.requestedAt().isBefore(before)).toList();
    }

    @Override
    public void announced(TenantId tenant, String erasureId) {
        Erasure e = log.get(erasureId);
        log.put(erasureId, new Erasure(e.id(), e.tenant(), e.requestedAt(), e.requestedBy(), e.legalReference(), e.reference(),
                e.contactPoints(), e.contactIds(), true, e.destroyed(), e.lifts()));
    }

    @Override
    public void complete(Erasure erasure) {
        boolean announced = log.containsKey(erasure.id()) && log.get(erasure.id()).announced();
        log.put(erasure.id(), new Erasure(erasure.id(), erasure.tenant(), erasure.requestedAt(), erasure.requestedBy(),
                erasure.legalReference(), erasure.reference(), erasure.contactPoints(), erasure.contactIds(), announced,
                erasure.destroyed(), erasure.lifts()));
    }

    @Override
    public List<Erasure> unfinished(Instant before) {
        return log.values().stream().filter(e -> !e.done() && e.requestedAt().isBefore(before)).toList();
    }

    @Override
    public List<Erasure> latest(TenantId tenant, int limit) {
        return log.values().stream().limit(limit).toList();
    }

    @Override
    public Optional<Erasure> find(TenantId tenant, String erasureId) {
        return Optional.ofNullable(log.get(erasureId));
    }

    @Override
    public Map<ContactPoint, Suppression> suppressions(TenantId tenant, Collection<ContactPoint> contactPoints) {
        suppressionReads++;
        var found = new HashMap<ContactPoint, Suppression>();
        contactPoints.forEach(point -> Optional.ofNullable(suppressions.get(point)).ifPresent(s -> found.put(point, s)));
        return found;
    }

    @Override
    public void suppress(TenantId tenant, ContactPoint contactPoint, Suppression suppression) {
        suppressions.put(contactPoint, suppression);
    }

    @Override
    public void readmit(TenantId tenant, ContactPoint contactPoint) {
        readmitted.add(contactPoint);
    }

    @Override
    public boolean lift(TenantId tenant, ContactPoint contactPoint, Suppression suppression, Erasure.Lift lift) {
        if (!suppression.equals(suppressions.get(contactPoint))) {
            return false;
        }
        suppressions.remove(contactPoint);
        lifts.add(lift);
        return true;
    }

    @Override
    public Traces eraseTraces(TenantId tenant, Collection<ContactPoint> contactPoints, Collection<TechnicalId> contactIds) {
        tracesErased.add(List.copyOf(contactPoints));
        return new Traces(contactIds.size(), 0, 0, 0, 0);
    }
}
