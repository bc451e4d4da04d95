package org.consentplatform.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.consentplatform.application.port.in.CountChanges;
import org.consentplatform.application.port.in.ExpireConsents;
import org.consentplatform.application.port.in.FinishErasures;
import org.consentplatform.application.port.in.ProcessImports;
import org.consentplatform.application.port.in.PurgeExpiredData;
import org.consentplatform.application.port.in.RelayChanges;
import org.consentplatform.application.port.in.TakeCheckpoints;
import org.consentplatform.application.port.out.ConsentRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every background job of the platform, each a {@link PeriodicJob} on its interval. The use
 * cases decide which instance works (one at a time by a lease, or all at once where that is
 * safe); a job only says when.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundJobs {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

    /** How often the topics are tried again while the broker has not answered since start-up. */
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(10);

    /** Writers in flight are left alone by the periodic repair. */
    private static final Duration REPAIR_GRACE = Duration.ofSeconds(10);

    /** Publishes the change log to Kafka, one instance at a time (the relay's lease). */
    @Bean
    PeriodicJob outboxRelaying(RelayChanges relay, OutboxProperties outbox) {
        // on a graceful shutdown the batch in flight is finished and the leases are given back at once
        return PeriodicJob.every("outbox-relay", outbox.pollInterval(), relay::relayPending)
                .windingDownWith(() -> relay.handOver(outbox.leaseTtl()));
    }

    /** Seals each tenant's chain ends whose records moved (§11). */
    @Bean
    PeriodicJob checkpointing(TakeCheckpoints checkpoints, AuditProperties audit) {
        return PeriodicJob.every("checkpoints", audit.checkpoints().interval(), () -> checkpoints.checkpointAll()
                .forEach(checkpoint -> LOG.info("Checkpoint {} of tenant {} seals {} record(s): {}",
                        checkpoint.number(), checkpoint.tenant(), checkpoint.streams(), checkpoint.hash())));
    }

    /**
     * Writes down opt-ins past their lifetime (§10). Decisions never wait for it: they count
     * an opt-in past its lifetime as absent at once.
     */
    @Bean
    PeriodicJob consentExpiry(ExpireConsents expiry, ExpiryProperties properties, MeterRegistry meters) {
        Counter expired = Counter.builder("consent.expiry.written")
                .description("Opt-ins past their lifetime written down as EXPIRY changes").register(meters);
        return PeriodicJob.every("consent-expiry", properties.interval(), () -> {
            int written = expiry.expireDue();
            expired.increment(written);
            if (written > 0) {
                LOG.info("Wrote {} EXPIRY change(s) for opt-ins past their lifetime", written);
            }
        });
    }

    /** Brings the report counters up to the change log: reports lag the log by about the interval. */
    @Bean
    PeriodicJob reportCounting(CountChanges counting, ReportProperties properties, MeterRegistry meters) {
        Counter counted = Counter.builder("consent.reports.counted").description("Changes added to the report counters").register(meters);
        return PeriodicJob.every("report-counting", properties.interval(), () -> counted.increment(counting.countNew()));
    }

    /**
     * Runs loads: looks for unfinished jobs (queued, or left running by an instance that died).
     * A job interrupted mid-batch resumes from its last stored batch.
     */
    @Bean
    PeriodicJob importProcessing(ProcessImports imports, ImportProperties properties) {
        return PeriodicJob.every("imports", properties.pollInterval(), imports::processPending);
    }

    /**
     * Repairs projections a crash left behind the change log. Re-applying is idempotent, so
     * several instances may run it at once.
     */
    @Bean
    PeriodicJob projectionRepair(ConsentRecords records, AuditProperties audit) {
        return PeriodicJob.every("projection-repair", audit.projectionRepair().interval(),
                () -> records.repairProjections(REPAIR_GRACE));
    }

    /**
     * Creates the platform's topics once the broker answers. Start-up tries once, briefly
     * ({@code spring.kafka.admin.operation-timeout}); a broker that was away then gets its topics,
     * with the configured partitions, when it appears, even where it does not create topics
     * itself. The relay's batches wait meanwhile and go out afterwards.
     */
    @Bean
    PeriodicJob topicCreation(KafkaAdmin admin) {
        var created = new AtomicBoolean();
        return PeriodicJob.every("topic-creation", TOPIC_RETRY, () -> {
            if (!created.get()) {
                created.set(admin.initialize());
            }
        });
    }

    /**
     * Finishes erasures an instance began but did not complete (it stopped in between): every
     * step is safe to repeat, and the contact points are kept by pseudonym for it (ADR 39).
     */
    @Bean
    PeriodicJob erasureCompletion(FinishErasures erasures, ErasureProperties properties) {
        return PeriodicJob.every("erasure-completion", properties.completionInterval(), () -> {
            int finished = erasures.finishInterrupted();
            if (finished > 0) {
                LOG.warn("Finished {} erasure(s) an instance had left unfinished", finished);
            }
        });
    }

    /**
     * Deletes what is kept only for a while (ADR 40), on every instance (deletes by date are safe
     * to repeat), and counts each kind in {@code consent.retention.purged}.
     */
    @Bean
    PeriodicJob retention(PurgeExpiredData retention, RetentionProperties properties, MeterRegistry meters) {
        Map<String, Counter> purged = new LinkedHashMap<>();
        for (String kind : List.of("import-files", "import-error-lines", "idempotency-keys", "confirmation-requests", "mail-quotas",
                "retired-addresses", "unconfirmed-readmissions")) {
            purged.put(kind, Counter.builder("consent.retention.purged").tag("kind", kind)
                    .description("Documents deleted because their retention ended").register(meters));
        }
        return PeriodicJob.every("retention", properties.interval(), () -> {
            PurgeExpiredData.Purged run = retention.purgeExpired();
            purged.get("import-files").increment(run.importFiles());
            purged.get("import-error-lines").increment(run.importErrorLines());
            purged.get("idempotency-keys").increment(run.idempotencyKeys());
            purged.get("confirmation-requests").increment(run.confirmationRequests());
            purged.get("mail-quotas").increment(run.mailQuotas());
            purged.get("retired-addresses").increment(run.retiredAddresses());
            purged.get("unconfirmed-readmissions").increment(run.unconfirmedReadmissions());
            if (run.total() > 0) {
                LOG.info("Retention deleted {}", run);
            }
        });
    }

    /** At start-up everything is repaired, before the first periodic run. */
    @Bean
    ApplicationRunner projectionRepairAtStart(ConsentRecords records) {
        return args -> records.repairProjections(Duration.ZERO);
    }
}
