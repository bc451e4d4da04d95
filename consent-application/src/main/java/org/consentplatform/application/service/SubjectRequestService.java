package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ConsentCenter;
import org.consentplatform.application.port.EventStreamUnavailable;
import org.consentplatform.application.port.in.FinishErasures;
import org.consentplatform.application.port.in.SubjectRequests;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConfirmationRequests;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Erasures;
import org.consentplatform.application.port.out.EventPublisher;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.HistoryCriteria;
import org.consentplatform.application.port.out.ReceiptSeals;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.privacy.Erasure;
import org.consentplatform.domain.privacy.SubjectAccess;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.receipt.ConsentReceipt;
import org.consentplatform.domain.receipt.SealedReceipt;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person's requests. Access gathers their records from the change log, one streamed read per
 * contact point, so that a record is disclosed even when every capture of it was rejected.
 * Erasure files the request first (with the addresses its events need, until they are sent),
 * tells downstream systems, then destroys; every step is safe to repeat, so what an instance
 * left unfinished, or a broker that was away left untold, is finished by {@link #finishInterrupted}.
 */
public final class SubjectRequestService implements SubjectRequests, FinishErasures {

    private static final System.Logger LOG = System.getLogger(SubjectRequestService.class.getName());

    private final ConsentHistory history;
    private final ConsentRecords records;
    private final Contacts contacts;
    private final ComplianceProfiles profiles;
    private final ConfirmationRequests confirmations;
    private final ReceiptSeals seals;
    private final Erasures erasures;
    private final EventPublisher events;
    private final Lookups lookups;
    private final Duration takeoverAfter;
    private final Clock clock;

    /**
     * @param takeoverAfter how long an erasure may be in progress, or unannounced, before {@link #finishInterrupted} takes it over
     */
    public SubjectRequestService(ConsentHistory history, ConsentRecords records, Contacts contacts, Tenants tenants,
                                 ComplianceProfiles profiles, ConfirmationRequests confirmations, ReceiptSeals seals,
                                 Erasures erasures, EventPublisher events, Duration takeoverAfter, Clock clock) {
        this.history = history;
        this.records = records;
        this.contacts = contacts;
        this.profiles = profiles;
        this.confirmations = confirmations;
        this.seals = seals;
        this.erasures = erasures;
        this.events = events;
        this.lookups = new Lookups(tenants, profiles);
        this.takeoverAfter = takeoverAfter;
        this.clock = clock;
    }

    @Override
    public SubjectAccess access(TenantId tenant, ConsentCenter.PersonQuery person, String language) {
        NamedPerson named = NamedPerson.resolve(tenant, person, lookups.settings(tenant), contacts);
        Instant now = clock.instant();
        Map<TechnicalId, ComplianceProfile> byId = profiles.all(tenant).stream()
                .collect(Collectors.toMap(ComplianceProfile::id, Function.identity()));

        var records = new ArrayList<SubjectAccess.Disclosed>();
        var requests = new ArrayList<ConfirmationRequest>();
        for (ContactPoint point : named.contactPoints()) {
            var histories = new LinkedHashMap<RecordKey, List<ConsentChange>>();
            history.export(tenant, HistoryCriteria.ofContactPoint(point),
                    change -> histories.computeIfAbsent(change.key(), key -> new ArrayList<>()).add(change));
            histories.forEach((key, entries) -> {
                ComplianceProfile profile = byId.get(key.profileId());
                records.add(new SubjectAccess.Disclosed(key, profile, entries, receipt(profile, key, entries, now)));
            });
            requests.addAll(confirmations.of(tenant, point));
        }
        return new SubjectAccess(UUID.randomUUID().toString(), tenant, now, SubjectAccess.languageFor(language, requests),
                named.contact(), named.contactPoints(), records, requests, erasures.suppressions(tenant, named.contactPoints()),
                contacts.minorFlags(tenant, named.contactPoints()));
    }

    @Override
    public Erasure erase(TenantId tenant, EraseCommand command) {
        NamedPerson named = NamedPerson.resolve(tenant, command.person(), lookups.settings(tenant), contacts);
        Erasure erasure = Erasure.requested(UUID.randomUUID().toString(), tenant, clock.instant(), command.requestedBy(),
                command.legalReference(), command.reference(), named.contactPoints(),
                named.contact() == null ? List.of() : List.of(named.contact().id()));
        erasures.begin(erasure);
        announce(erasure);
        Erasure done = finish(erasure);
        // as kept: its contact points by keyed hash only, for the answer names nobody either
        return erasures.find(tenant, done.id()).orElse(done);
    }

    @Override
    public List<Erasure> erasures(TenantId tenant, int limit) {
        return erasures.latest(tenant, limit);
    }

    @Override
    public int finishInterrupted() {
        Instant before = clock.instant().minus(takeoverAfter);
        erasures.unannounced(before).forEach(this::announce);
        List<Erasure> interrupted = erasures.unfinished(before);
        interrupted.forEach(this::finish);
        return interrupted.size();
    }

    /** Tells downstream systems, keyed like the changes; a broker that is away is tried again by the next run. */
    private void announce(Erasure erasure) {
        try {
            events.announce(erasure.contactPoints().stream().map(point -> new EventPublisher.Erased(erasure.id(), erasure.tenant(),
                    point, erasure.requestedAt(), erasure.legalReference())).toList());
            erasures.announced(erasure.tenant(), erasure.id());
        } catch (EventStreamUnavailable e) {
            LOG.log(System.Logger.Level.WARNING, "Erasure " + erasure.id() + " not announced yet, retried shortly: " + e.getMessage());
        }
    }

    /** Shreds, forgets, deletes; each step is safe to repeat (two instances finishing one erasure included). */
    private Erasure finish(Erasure erasure) {
        TenantId tenant = erasure.tenant();
        Suppression suppression = erasure.suppression();
        erasure.contactPoints().forEach(point -> erasures.suppress(tenant, point, suppression));
        int forgotten = forgetAll(erasure);
        Erasures.Traces traces = erasures.eraseTraces(tenant, erasure.contactPoints(), erasure.contactIds());
        Erasure done = erasure.completed(new Erasure.Destroyed(forgotten, traces.contacts(), traces.confirmationRequests(),
                traces.idempotentAnswers(), traces.mailQuotas(), traces.importErrorLines(), clock.instant()));
        erasures.complete(done);
        return done;
    }

    /**
     * Appends the ERASURE entry of every record of the person that holds a state, in a few round
     * trips (every record read at once, the entries appended together, as a load does); a record
     * another writer changed meanwhile gets its entry one by one.
     *
     * @return how many records were forgotten
     */
    private int forgetAll(Erasure erasure) {
        TenantId tenant = erasure.tenant();
        var keys = new ArrayList<RecordKey>();
        erasure.contactPoints().forEach(point -> records.ofContactPoint(tenant, point).forEach(record -> keys.add(record.key())));
        if (keys.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        var planned = new ArrayList<ConsentChange>();
        records.loadAll(tenant, keys).values().forEach(record -> record.erase(erasure.suppression(), erasure.requestedBy(),
                UUID.randomUUID().toString(), now).ifPresent(planned::add));
        Set<String> appended = records.appendAll(planned, ConsentRecords.Repair.SWEEP);
        int forgotten = appended.size();
        for (ConsentChange change : planned) {
            if (!appended.contains(change.id()) && forget(tenant, change.key(), erasure)) {
                forgotten++;
            }
        }
        return forgotten;
    }

    /** Appends the record's ERASURE entry; false when it held no state to forget (already erased, say). */
    private boolean forget(TenantId tenant, RecordKey key, Erasure erasure) {
        return OptimisticAppend.retry(key.toString(), () -> {
            Optional<ConsentChange> change = records.load(tenant, key)
                    .erase(erasure.suppression(), erasure.requestedBy(), UUID.randomUUID().toString(), clock.instant());
            if (change.isEmpty()) {
                return Optional.of(false);
            }
            return records.append(change.get()) ? Optional.of(true) : Optional.empty();
        });
    }

    /** A receipt of the record's current state, null when there is none to attest or its purpose is gone. */
    private SealedReceipt receipt(ComplianceProfile profile, RecordKey key, List<ConsentChange> entries, Instant now) {
        if (profile == null || profile.purpose(key.purposeId()).isEmpty() || !ConsentReceipt.attestable(entries)) {
            return null;
        }
        return seals.seal(ConsentReceipt.ofHistory(UUID.randomUUID().toString(), now, profile, key, entries));
    }
}
