package org.consentplatform.application.service;

import org.consentplatform.application.port.in.CountChanges;
import org.consentplatform.application.port.in.ReadReports;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Leases;
import org.consentplatform.application.port.out.ReportCounters;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.report.CounterDeltas;
import org.consentplatform.domain.report.DayFigures;
import org.consentplatform.domain.report.Reach;
import org.consentplatform.domain.report.Series;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reports from counters the change log feeds (§12). Counting runs on one instance at a time (a
 * lease), batch by batch; reports add what counters cannot know in advance: opt-ins that passed
 * their lifetime since they were counted.
 */
public final class ReportService implements ReadReports, CountChanges {

    public static final String LEASE = "consent-reports";
    private static final Comparator<Reach> REPORT_ORDER = Comparator
            .comparing((Reach r) -> r.series().profileId().value())
            .thenComparing(r -> r.series().purposeId().value())
            .thenComparing(r -> r.series().topicId() == null ? "" : r.series().topicId().value())
            .thenComparing(r -> r.series().channel().toString());

    private final ReportCounters counters;
    private final ConsentRecords records;
    private final ComplianceProfiles profiles;
    private final LeasedWork work;
    private final int batchSize;
    private final Clock clock;

    public ReportService(ReportCounters counters, ConsentRecords records, ComplianceProfiles profiles, Leases leases,
                         String instance, Duration leaseTtl, int batchSize, Clock clock) {
        this.counters = counters;
        this.records = records;
        this.profiles = profiles;
        this.work = new LeasedWork(leases, instance, leaseTtl);
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Synchronized: two runs in one process would both hold the lease and count the same changes twice. */
    @Override
    public synchronized int countNew() {
        return work.take(LEASE).map(held -> {
            counters.finishInterrupted();
            return held.inBatches(this::countBatch);
        }).orElse(0);
    }

    private LeasedWork.Batch countBatch() {
        List<ConsentChange> changes = counters.uncounted(batchSize);
        if (!changes.isEmpty()) {
            counters.add(changes.stream().map(ConsentChange::id).toList(), CounterDeltas.of(changes));
        }
        return new LeasedWork.Batch(changes.size(), changes.size() == batchSize);
    }

    @Override
    public List<Reach> reach(TenantId tenant, TechnicalId profileId) {
        Map<TechnicalId, ComplianceProfile> known = profiles(tenant, profileId);
        Instant now = clock.instant();
        var counted = new OptInsCapturedBefore(tenant);
        var lines = new ArrayList<Reach>();
        counters.states(tenant, profileId).forEach((series, states) -> Optional.ofNullable(known.get(series.profileId()))
                .flatMap(profile -> {
                    Reach.CutOffs cutOffs = Reach.CutOffs.of(profile, series, now);
                    return Reach.of(profile, series, states, counted.of(series, cutOffs.overdue()),
                            counted.of(series, cutOffs.superseded()), counted.of(series, cutOffs.either()));
                })
                .ifPresent(lines::add));
        lines.sort(REPORT_ORDER);
        return lines;
    }

    /** Opt-ins captured before a cut-off, per series: one count per purpose and cut-off, whatever the number of series. */
    private final class OptInsCapturedBefore {
        private final TenantId tenant;
        private final Map<String, Map<Series, Long>> read = new HashMap<>();

        OptInsCapturedBefore(TenantId tenant) {
            this.tenant = tenant;
        }

        long of(Series series, Instant cutOff) {
            if (cutOff == null) {
                return 0;
            }
            return read.computeIfAbsent(series.profileId() + "|" + series.purposeId() + "|" + cutOff,
                            key -> records.countOptedInCapturedBefore(tenant, series.profileId(), series.purposeId(), cutOff))
                    .getOrDefault(series, 0L);
        }
    }

    @Override
    public Map<Series, Map<LocalDate, DayFigures>> days(TenantId tenant, TechnicalId profileId, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw DomainRejection.InvalidInput.of("from", "must be on or before 'to'");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainRejection.InvalidInput.of("to", "a report covers at most " + MAX_DAYS + " days");
        }
        profiles(tenant, profileId);
        var ordered = new TreeMap<Series, Map<LocalDate, DayFigures>>(Comparator.comparing(Series::value));
        counters.days(tenant, profileId, from, to).forEach((series, days) -> ordered.put(series, new TreeMap<>(days)));
        return ordered;
    }

    @Override
    public Map<String, List<Reach>> partners(TenantId tenant) {
        var byPartner = new TreeMap<String, List<Reach>>();
        for (Reach line : reach(tenant, null)) {
            if (line.purpose().partner() != null) {
                byPartner.computeIfAbsent(line.purpose().partner(), partner -> new ArrayList<>()).add(line);
            }
        }
        return byPartner;
    }

    /** The tenant's profiles, or the one named, which must exist. */
    private Map<TechnicalId, ComplianceProfile> profiles(TenantId tenant, TechnicalId profileId) {
        var known = new HashMap<TechnicalId, ComplianceProfile>();
        if (profileId != null) {
            ComplianceProfile profile = profiles.require(tenant, profileId);
            known.put(profile.id(), profile);
        } else {
            profiles.all(tenant).forEach(profile -> known.put(profile.id(), profile));
        }
        return known;
    }
}
