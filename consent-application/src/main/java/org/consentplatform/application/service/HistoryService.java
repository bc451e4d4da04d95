package org.consentplatform.application.service;

import org.consentplatform.application.port.Page;
import org.consentplatform.application.port.in.IssueReceipts;
import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.application.port.out.Checkpoints;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.HistoryCriteria;
import org.consentplatform.application.port.out.ReceiptSeals;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.ChainMigration;
import org.consentplatform.domain.consent.ChainVerification;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.StreamHead;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.receipt.ConsentReceipt;
import org.consentplatform.domain.receipt.SealedReceipt;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The audit trail of records and contact points. */
public final class HistoryService implements ReadHistory, IssueReceipts {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final ConsentHistory history;
    private final Checkpoints checkpoints;
    private final Lookups lookups;
    private final ComplianceProfiles profiles;
    private final ReceiptSeals seals;
    private final Clock clock;

    public HistoryService(ConsentHistory history, Checkpoints checkpoints, Tenants tenants, ComplianceProfiles profiles,
                          ReceiptSeals seals, Clock clock) {
        this.history = history;
        this.checkpoints = checkpoints;
        this.lookups = new Lookups(tenants, profiles);
        this.profiles = profiles;
        this.seals = seals;
        this.clock = clock;
    }

    @Override
    public SealedReceipt receipt(TenantId tenant, RecordQuery record) {
        ComplianceProfile profile = lookups.profile(tenant, record.profileId());
        RecordKey key = key(tenant, record);
        profile.requirePurpose(key.purposeId());
        return seals.seal(ConsentReceipt.ofHistory(UUID.randomUUID().toString(), clock.instant(), profile, key,
                history.stream(tenant, key)));
    }

    @Override
    public Map<String, Object> receiptKeys() {
        return seals.publicKeys();
    }

    @Override
    public Page<ConsentChange> ofRecord(TenantId tenant, RecordQuery record, String cursor, int limit) {
        return history.ofRecord(tenant, key(tenant, record), cursor, checked(limit));
    }

    @Override
    public ConsentChange asOf(TenantId tenant, RecordQuery record, Instant instant) {
        InvalidInputs.requireNonNull("at", instant);
        ConsentChange asOf = null;
        for (ConsentChange change : history.stream(tenant, key(tenant, record))) {
            if (change.recordedAt().isAfter(instant)) {
                break;
            }
            asOf = change;
        }
        return asOf;
    }

    @Override
    public ChainVerification verify(TenantId tenant, RecordQuery record) {
        return verify(tenant, key(tenant, record));
    }

    @Override
    public TenantVerification verifyTenant(TenantId tenant) {
        var breaches = new LinkedHashMap<RecordKey, ChainVerification>();
        long[] counts = new long[2];
        history.forEachRecord(tenant, key -> {
            ChainVerification result = verify(tenant, key);
            counts[0]++;
            counts[1] += result.checked();
            if (!result.intact() && breaches.size() < TenantVerification.MAX_BREACHES) {
                breaches.put(key, result);
            }
        });
        CheckpointCheck anchor = checkpoints.latest(tenant).map(checkpoint -> {
            List<StreamHead> heads = checkpoints.heads(checkpoint);
            // a record already reported keeps its first breach; the checkpoint adds the ends cut off
            checkpoint.checkChains(heads, (key, seq) -> history.hashAt(tenant, key, seq), breach -> {
                if (breaches.size() < TenantVerification.MAX_BREACHES) {
                    breaches.putIfAbsent(breach.key(), breach);
                }
            });
            return new CheckpointCheck(checkpoint.number(), checkpoint.takenAt(), checkpoint.streams(), checkpoint.hash(),
                    checkpoint.seals(heads));
        }).orElse(null);
        List<ChainMigration> migrations = checkpoints.migrations(tenant);
        boolean intact = breaches.isEmpty() && (anchor == null || anchor.intact()) && migrations.stream().allMatch(ChainMigration::intact);
        return new TenantVerification(intact, counts[0], counts[1], disclosed(tenant, breaches.values()), anchor, migrations);
    }

    /** Records are walked by pseudonym: the breaches name their addresses, unless erased. */
    private List<ChainVerification> disclosed(TenantId tenant, Collection<ChainVerification> breaches) {
        if (breaches.isEmpty()) {
            return List.of();
        }
        Map<ContactPoint, ContactPoint> disclosed = history.disclose(tenant,
                breaches.stream().map(breach -> breach.key().contactPoint()).collect(Collectors.toSet()));
        return breaches.stream().map(breach -> {
            RecordKey key = breach.key();
            RecordKey named = new RecordKey(key.profileId(), disclosed.getOrDefault(key.contactPoint(), key.contactPoint()),
                    key.purposeId(), key.topicId());
            return new ChainVerification(named, breach.intact(), breach.checked(), breach.seq(), breach.changeId(), breach.breach());
        }).toList();
    }

    private ChainVerification verify(TenantId tenant, RecordKey key) {
        ConsentHistory.Head head = history.head(tenant, key);
        return ChainVerification.verify(key, history.stream(tenant, key), head.seq(), head.hash());
    }

    /** Built from identifiers only: a purpose since removed from the profile keeps its history. */
    private RecordKey key(TenantId tenant, RecordQuery record) {
        ContactPoint contactPoint = lookups.settings(tenant).contactPoint(record.contactPoint());
        return new RecordKey(record.profileId(), contactPoint, record.purposeId(), record.topicId());
    }

    @Override
    public Page<ConsentChange> ofContactPoint(TenantId tenant, RawContactPoint contactPoint, String cursor, int limit) {
        return history.search(tenant, HistoryCriteria.ofContactPoint(lookups.settings(tenant).contactPoint(contactPoint)),
                cursor, checked(limit));
    }

    @Override
    public Page<ConsentChange> search(TenantId tenant, HistoryFilter filter, String cursor, int limit) {
        return history.search(tenant, criteria(tenant, filter), cursor, checked(limit));
    }

    @Override
    public void export(TenantId tenant, HistoryFilter filter, Consumer<ExportedChange> sink) {
        var known = new HashMap<TechnicalId, Optional<ComplianceProfile>>();
        history.export(tenant, criteria(tenant, filter), change -> {
            Optional<Purpose> purpose = known.computeIfAbsent(change.key().profileId(), id -> profiles.find(tenant, id))
                    .flatMap(profile -> profile.purpose(change.key().purposeId()));
            sink.accept(new ExportedChange(change, purpose.map(Purpose::legalBasis).orElse(null),
                    purpose.map(Purpose::partner).orElse(null)));
        });
    }

    private HistoryCriteria criteria(TenantId tenant, HistoryFilter filter) {
        return new HistoryCriteria(filter.from(), filter.to(),
                filter.contactPoint() == null ? null : lookups.settings(tenant).contactPoint(filter.contactPoint()),
                filter.profileId(), filter.purposeId(), filter.source(), filter.actor(), filter.client(),
                filter.outcome());
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainRejection.InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
