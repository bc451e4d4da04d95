package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ImportConsents;
import org.consentplatform.application.port.in.ProcessImports;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.ImportErrors;
import org.consentplatform.application.port.out.ImportFiles;
import org.consentplatform.application.port.out.ImportJobs;
import org.consentplatform.application.port.out.Leases;
import org.consentplatform.application.port.out.LoadProgress;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.ImportRules;
import org.consentplatform.domain.load.ImportShape;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.load.RowCounts;
import org.consentplatform.domain.load.RowCounts.RowOutcome;
import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Loads (§9). A job is read in batches by the one instance holding its lease; after each batch
 * the job stores the line to go on from and its counts. Every change a load makes has an id
 * derived from the row ({@link ImportRules#changeId}), so a batch replayed after a crash, or the
 * same file loaded again, finds its changes already in the log and writes nothing twice. Rows
 * never wait for double opt-in: a load records consent the legacy system held (ADR 19).
 */
public final class ImportService implements ImportConsents, ProcessImports {

    private static final System.Logger LOG = System.getLogger(ImportService.class.getName());

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final ImportErrors errors;
    private final ConsentRecords records;
    private final Tenants tenants;
    private final ComplianceProfiles profiles;
    private final LeasedWork work;
    private final ChangeRecorder recorder;
    private final int batchSize;
    private final Clock clock;
    private final LoadProgress progress;

    public ImportService(ImportJobs jobs, ImportFiles files, ImportErrors errors, ConsentRecords records, Tenants tenants,
                         ComplianceProfiles profiles, Leases leases, String instance, Duration leaseTtl,
                         int batchSize, Clock clock, LoadProgress progress) {
        this.jobs = jobs;
        this.files = files;
        this.errors = errors;
        this.records = records;
        this.tenants = tenants;
        this.profiles = profiles;
        this.recorder = new ChangeRecorder(records, clock);
        this.work = new LeasedWork(leases, instance, leaseTtl);
        this.batchSize = batchSize;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public ImportJob submit(TenantId tenant, ImportSpec spec, String fileName, InputStream content) {
        if (spec.shape() == ImportShape.LEGACY_CONTACTS) {
            spec.checkAgainst(profiles.require(tenant, spec.profileId()));
        }
        String id = UUID.randomUUID().toString();
        ImportFiles.Stored stored = files.store(tenant, id, fileName, content);
        ImportJob job = ImportJob.queued(id, tenant, spec, fileName, Math.max(0, stored.lines() - headerLines(spec)), clock.instant());
        jobs.add(job);
        return job;
    }

    @Override
    public ImportJob job(TenantId tenant, String jobId) {
        return jobs.find(tenant, jobId).orElseThrow(() -> new DomainRejection.NotFound("import job '" + jobId + "' does not exist"));
    }

    @Override
    public List<ImportJob> latest(TenantId tenant) {
        return jobs.latest(tenant, LATEST);
    }

    @Override
    public ImportJob cancel(TenantId tenant, String jobId) {
        if (!jobs.requestCancel(tenant, jobId)) {
            throw new DomainRejection.NotFound("import job '" + jobId + "' does not exist");
        }
        ImportJob job = job(tenant, jobId);
        if (job.state() != ImportJob.State.QUEUED) {
            return job;
        }
        try (LeasedWork.Held held = work.take(lease(job)).orElse(null)) {
            if (held != null) {
                job = job(tenant, jobId); // read again under the lease: a worker may have run it meanwhile
                if (job.state() == ImportJob.State.QUEUED) { // nothing read yet: cancelled at once
                    job = job.cancelled(clock.instant());
                    finish(job);
                }
            }
        }
        return job;
    }

    @Override
    public void errors(TenantId tenant, String jobId, Consumer<RowError> consumer) {
        errors.forEach(job(tenant, jobId).id(), consumer);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public int processPending() {
        int ran = 0;
        for (ImportJob job : jobs.unfinished()) {
            try (LeasedWork.Held held = work.take(lease(job)).orElse(null)) {
                // read again under the lease: another instance may have finished it meanwhile
                ImportJob current = held == null ? null : job(job.tenant(), job.id());
                if (current != null && !current.state().finished()) {
                    run(current, held);
                    ran++;
                }
            }
        }
        return ran;
    }

    private void run(ImportJob queued, LeasedWork.Held held) {
        ImportJob job = queued.started(clock.instant());
        jobs.save(job);
        ImportRules rules = new ImportRules(job, tenants.inForce(job.tenant()), id -> profiles.find(queued.tenant(), id),
                point -> records.pseudonym(queued.tenant(), point));
        try (ImportFiles.Rows rows = files.open(job.tenant(), job.id(), job.spec().format(), job.nextLine())) {
            List<String> missing = job.spec().format() == ImportSpec.Format.CSV
                    ? ImportRules.missingColumns(job.spec().shape(), rows.header()) : List.of();
            if (!missing.isEmpty()) {
                finish(job.failed("the header lacks the columns " + missing + "; it has " + rows.header(), clock.instant()));
                return;
            }
            try (var ahead = new RowsAhead(rows, batchSize, rules::read)) {
                List<ImportRules.Reading> batch;
                while ((batch = ahead.next()) != null) {
                    job = apply(job, batch);
                    if (job.cancelRequested()) {
                        finish(job.cancelled(clock.instant()));
                        return;
                    }
                    if (!held.renew()) {
                        return; // the lease was lost (a long pause): the new holder goes on from the stored position
                    }
                }
            }
            finish(job.completed(clock.instant()));
        } catch (ImportFiles.Unreadable e) {
            finish(job.failed(e.getMessage(), clock.instant()));
        } catch (RuntimeException e) {
            // storage or broker trouble: the job stays RUNNING and is resumed from its last batch by the next run
            LOG.log(System.Logger.Level.WARNING, "Import job " + job.id() + " interrupted at line " + job.nextLine() + ": " + e);
        }
    }

    /**
     * Applies a batch and stores the position after it, with the counts, in a few round trips
     * whatever its size (docs/performance.md): the changes the log holds already, the records
     * with their contact points' erasures and data keys (the new ones made together), the new
     * changes, their projections, the job.
     */
    private ImportJob apply(ImportJob job, List<ImportRules.Reading> read) {
        Map<RecordKey, ConsentRecord> heads = new HashMap<>(records.loadAll(job.tenant(), captures(read).stream()
                .flatMap(row -> row.captures().stream()).map(ConsentCapture::key).collect(Collectors.toSet())));
        List<ImportRules.Reading> readings = refuseErased(read, heads);
        List<ImportRules.Captures> rows = captures(readings);
        Map<String, ConsentChange> inLog = new HashMap<>();
        List<ConsentChange> logged = records.changes(job.tenant(), rows.stream().flatMap(row -> row.changeIds().stream()).toList());
        logged.forEach(change -> inLog.put(change.id(), change));
        // this batch replayed after a crash, or the same rows loaded again: what the log holds may be ahead of its projection
        records.project(logged);
        Map<String, ConsentCapture> toRecord = new LinkedHashMap<>(); // in row order; the same row twice in a batch is one change
        for (ImportRules.Captures row : rows) {
            for (int i = 0; i < row.captures().size(); i++) {
                if (!inLog.containsKey(row.changeIds().get(i))) {
                    toRecord.putIfAbsent(row.changeIds().get(i), row.captures().get(i));
                }
            }
        }
        inLog.putAll(recordAll(job, toRecord, heads));
        RowCounts batch = RowCounts.NONE;
        var rejected = new ArrayList<ImportRules.Rejected>();
        for (ImportRules.Reading reading : readings) {
            batch = batch.plus(switch (reading) {
                case ImportRules.Rejected row -> {
                    rejected.add(row);
                    yield RowOutcome.REJECTED;
                }
                case ImportRules.Captures captures -> captures.outcome(inLog::get, job.actor());
            });
        }
        errors.addAll(job.tenant(), job.id(), rejected);
        ImportJob stored = jobs.save(job.progressed(job.counts().plus(batch), read.getLast().line() + 1));
        progress.batchStored(batch);
        return stored;
    }

    private static List<ImportRules.Captures> captures(List<ImportRules.Reading> readings) {
        return readings.stream().filter(ImportRules.Captures.class::isInstance).map(ImportRules.Captures.class::cast).toList();
    }

    /** Rejects every row about an erased contact point (§13): a load never brings one back, whatever it says. */
    private static List<ImportRules.Reading> refuseErased(List<ImportRules.Reading> readings, Map<RecordKey, ConsentRecord> heads) {
        Set<ContactPoint> erased = heads.values().stream().filter(record -> record.suppression().isPresent())
                .map(record -> record.key().contactPoint()).collect(Collectors.toSet());
        return erased.isEmpty() ? readings : readings.stream().map(reading -> ImportRules.refusedIfErased(reading, erased)).toList();
    }

    /**
     * Records a batch's new captures (by change id) in a few round trips: the changes planned on
     * the records as read, in row order, then appended together. A record another writer changed
     * meanwhile has its captures recorded one by one instead.
     */
    private Map<String, ConsentChange> recordAll(ImportJob job, Map<String, ConsentCapture> captures, Map<RecordKey, ConsentRecord> heads) {
        Map<String, ConsentChange> made = new HashMap<>();
        if (captures.isEmpty()) {
            return made;
        }
        Instant now = clock.instant();
        List<ConsentChange> changes = new ArrayList<>(captures.size());
        captures.forEach((id, capture) -> {
            ConsentChange change = heads.get(capture.key()).capture(capture, false, id, now);
            heads.put(capture.key(), ConsentRecord.reconstitute(change));
            changes.add(change);
        });
        // the job's stored position is this batch's repair: resumed, it finds these changes in the log and projects them
        Set<String> appended = records.appendAll(changes, ConsentRecords.Repair.CALLER);
        for (ConsentChange change : changes) {
            made.put(change.id(), appended.contains(change.id()) ? change
                    : recorder.recordOnce(job.tenant(), captures.get(change.id()), change.id()));
        }
        return made;
    }

    private void finish(ImportJob job) {
        jobs.save(job);
        progress.ended(job);
        files.delete(job.id());
    }

    private static String lease(ImportJob job) {
        return "import:" + job.id();
    }

    private static long headerLines(ImportSpec spec) {
        return spec.format() == ImportSpec.Format.CSV ? 1 : 0;
    }
}
