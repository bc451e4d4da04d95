package org.consentplatform.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.consentplatform.adapter.in.kafka.InboundKafkaConfiguration;
import org.consentplatform.application.port.in.DecideMessages;
import org.consentplatform.application.port.in.DecisionQuery;
import org.consentplatform.application.port.in.RecordInboundEvents;
import org.consentplatform.application.port.out.ConfirmationMails;
import org.consentplatform.application.port.out.ImportJobs;
import org.consentplatform.application.port.out.LoadProgress;
import org.consentplatform.application.port.out.MailQuota;
import org.consentplatform.application.service.DecisionService;
import org.consentplatform.application.service.InboundEventService;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.enforcement.Decision;
import org.consentplatform.domain.enforcement.Reason;
import org.consentplatform.domain.enforcement.ReasonCode;
import org.consentplatform.domain.inbound.InboundEvent;
import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.RowCounts;
import org.consentplatform.domain.profile.SmsKeyword;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The service's own meters, served at {@code /actuator/prometheus} (operations.md). Their tags
 * are few and tenant-free: a tenant, an address or a purpose never becomes a tag, so a scrape
 * stays small and says nothing about anyone. The relay's meters are in {@link OutboxMonitoring}.
 */
@Configuration(proxyBeanMethods = false)
class ServiceMetrics {

    static final String DECISIONS = "consent.decisions";
    static final String VERDICTS = "consent.decisions.verdicts";
    static final String BLOCKED = "consent.decisions.blocked";
    static final String CHANGES = "consent.changes";
    static final String INBOUND = "consent.inbound.events";
    static final String DEAD_LETTERS = "consent.inbound.dead.letters";
    static final String SMS_TEXTS = "consent.sms.texts";
    static final String CONFIRMATION_MAILS = "consent.confirmation.mails";
    static final String LOAD_ROWS = "consent.loads.rows";
    static final String LOADS_FINISHED = "consent.loads.finished";
    static final String LOADS_ACTIVE = "consent.loads.active";

    /** Decisions timed and counted by verdict and by what blocked them; the undecorated service stays a bean of its own. */
    @Bean
    @Primary
    DecideMessages meteredDecisions(DecisionService decisions, MeterRegistry registry) {
        return new MeteredDecisions(decisions, registry);
    }

    /**
     * Inbound events by kind and outcome (texts to the tenant's numbers are kind SMS_RECEIVED),
     * and applied texts by keyword ({@code keyword="NONE"}: text that was no keyword, §14); each
     * series exists from the start, so a rate is never "no data".
     */
    @Bean
    @Primary
    RecordInboundEvents meteredInboundEvents(InboundEventService inbound, MeterRegistry registry) {
        return new MeteredInboundEvents(inbound, registry);
    }

    /** Messages no retry can apply: unreadable, or refused by a rule. */
    @Bean
    InboundKafkaConfiguration.DeadLetters countedDeadLetters(MeterRegistry registry) {
        Counter rejected = registry.counter(DEAD_LETTERS, "reason", "rejected");
        Counter unreadable = registry.counter(DEAD_LETTERS, "reason", "unreadable");
        return failure -> (causedBy(failure, DomainRejection.class) ? rejected : unreadable).increment();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every change the log takes, whatever route wrote it (API, form, load, inbound event,
     * expiry…), by source, outcome and channel; a tenant's own channels are {@code CUSTOM}: their
     * names are the tenant's.
     */
    static Consumer<ConsentChange> countingChanges(MeterRegistry registry) {
        record Series(Source source, ChangeOutcome outcome, String channel) {
        }
        Map<Series, Counter> counters = new ConcurrentHashMap<>(); // on the write path: no registry lookup per change
        return change -> {
            Channel channel = change.key().contactPoint().channel();
            counters.computeIfAbsent(new Series(change.source(), change.outcome(), channel.isBuiltIn() ? channel.toString() : "CUSTOM"),
                    series -> registry.counter(CHANGES, "source", series.source().name(), "outcome", series.outcome().name(),
                            "channel", series.channel())).increment();
        };
    }

    /** Double opt-in mails the SMTP relay took, and those it refused (they are retried). */
    static ConfirmationMails countingMails(ConfirmationMails mails, MeterRegistry registry) {
        Counter sent = registry.counter(CONFIRMATION_MAILS, "outcome", "sent");
        Counter failed = registry.counter(CONFIRMATION_MAILS, "outcome", "failed");
        return mail -> {
            try {
                mails.send(mail);
                sent.increment();
            } catch (RuntimeException e) {
                failed.increment();
                throw e;
            }
        };
    }

    /** Double opt-in mails held back by the per-address or per-tenant limit. */
    static MailQuota countingThrottles(MailQuota quota, MeterRegistry registry) {
        Counter throttled = registry.counter(CONFIRMATION_MAILS, "outcome", "throttled");
        return (tenant, address) -> {
            Duration wait = quota.take(tenant, address);
            if (!wait.isZero()) {
                throttled.increment();
            }
            return wait;
        };
    }

    /**
     * Loads: rows by outcome as each batch is stored, jobs by how they ended, and the jobs queued
     * or running in the whole cluster (read from the store at each scrape; NaN while it is down).
     */
    static LoadProgress countingLoads(MeterRegistry registry, ImportJobs jobs) {
        Map<RowCounts.RowOutcome, Counter> rows = new EnumMap<>(RowCounts.RowOutcome.class);
        for (RowCounts.RowOutcome outcome : RowCounts.RowOutcome.values()) {
            rows.put(outcome, registry.counter(LOAD_ROWS, "outcome", outcome.name()));
        }
        Map<ImportJob.State, Counter> ended = new EnumMap<>(ImportJob.State.class);
        for (ImportJob.State state : ImportJob.State.values()) {
            if (state.finished()) {
                ended.put(state, registry.counter(LOADS_FINISHED, "state", state.name()));
            } else {
                Gauge.builder(LOADS_ACTIVE, jobs, stored -> unfinished(stored, state)).tag("state", state.name())
                        .description("Loads queued or running, all instances together").register(registry);
            }
        }
        return new LoadProgress() {
            @Override
            public void batchStored(RowCounts batch) {
                rows.get(RowCounts.RowOutcome.APPLIED).increment(batch.applied());
                rows.get(RowCounts.RowOutcome.SUPERSEDED).increment(batch.superseded());
                rows.get(RowCounts.RowOutcome.UNCHANGED).increment(batch.unchanged());
                rows.get(RowCounts.RowOutcome.REJECTED).increment(batch.rejected());
            }

            @Override
            public void ended(ImportJob job) {
                ended.get(job.state()).increment();
            }
        };
    }

    private static double unfinished(ImportJobs jobs, ImportJob.State state) {
        try {
            return jobs.unfinished().stream().filter(job -> job.state() == state).count();
        } catch (RuntimeException storageDown) {
            return Double.NaN;
        }
    }

    private static final class MeteredDecisions implements DecideMessages {

        private static final List<String> MODES = List.of("single", "explain", "batch");

        private final DecideMessages decisions;
        private final Timer single;
        private final Timer explained;
        /** Every series made once: a decision only increments (the registry's lookup would cost each decision its tags). */
        private final Map<String, Counter> verdicts = new HashMap<>();
        private final Map<ReasonCode, Counter> blocked = new EnumMap<>(ReasonCode.class);
        private final Counter refusedLines;

        MeteredDecisions(DecideMessages decisions, MeterRegistry registry) {
            this.decisions = decisions;
            this.single = timer(registry, "single");
            this.explained = timer(registry, "explain");
            for (String mode : MODES) {
                for (boolean send : new boolean[]{true, false}) {
                    for (boolean track : new boolean[]{true, false}) {
                        verdicts.put(verdict(mode, send, track), registry.counter(VERDICTS, "mode", mode, "send", String.valueOf(send),
                                "track", String.valueOf(track)));
                    }
                }
            }
            for (ReasonCode code : ReasonCode.values()) {
                blocked.put(code, registry.counter(BLOCKED, "reason", code.name()));
            }
            this.refusedLines = registry.counter(VERDICTS, "mode", "batch", "send", "refused", "track", "refused");
        }

        private static String verdict(String mode, boolean send, boolean track) {
            return mode + send + track;
        }

        private static Timer timer(MeterRegistry registry, String mode) {
            return Timer.builder(DECISIONS).tag("mode", mode).description("Time to decide one message, storage read included")
                    .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(registry);
        }

        @Override
        public Decision decide(TenantId tenant, DecisionQuery query) {
            Decision decision = single.record(() -> decisions.decide(tenant, query));
            count("single", decision);
            return decision;
        }

        @Override
        public Explanation explain(TenantId tenant, DecisionQuery query) {
            Explanation explanation = explained.record(() -> decisions.explain(tenant, query));
            count("explain", explanation.decision());
            return explanation;
        }

        @Override
        public void decideEach(TenantId tenant, Iterator<BatchItem> items, Consumer<BatchResult> results) {
            decisions.decideEach(tenant, items, result -> {
                switch (result) {
                    case BatchResult.Decided decided -> count("batch", decided.decision());
                    case BatchResult.Refused ignored -> refusedLines.increment();
                }
                results.accept(result);
            });
        }

        private void count(String mode, Decision decision) {
            verdicts.get(verdict(mode, decision.send(), decision.track())).increment();
            for (Reason reason : decision.reasons()) {
                if (reason.aspect() == Aspect.MESSAGE && !reason.permits()) {
                    blocked.get(reason.code()).increment();
                }
            }
        }
    }

    private static final class MeteredInboundEvents implements RecordInboundEvents {

        private static final List<String> OUTCOMES = List.of("applied", "duplicate", "refused");
        /** Texts are inbound events too: kind SMS_RECEIVED beside the provider reports. */
        private static final String SMS = "SMS_RECEIVED";
        private static final String NO_KEYWORD = "NONE";

        private final RecordInboundEvents inbound;
        private final Map<String, Counter> events = new HashMap<>();
        private final Map<String, Counter> keywords = new HashMap<>();

        MeteredInboundEvents(RecordInboundEvents inbound, MeterRegistry registry) {
            this.inbound = inbound;
            for (String outcome : OUTCOMES) {
                for (InboundEvent.Kind kind : InboundEvent.Kind.values()) {
                    events.put(kind + outcome, registry.counter(INBOUND, "kind", kind.name(), "outcome", outcome));
                }
                events.put(SMS + outcome, registry.counter(INBOUND, "kind", SMS, "outcome", outcome));
            }
            for (SmsKeyword keyword : SmsKeyword.values()) {
                keywords.put(keyword.name(), registry.counter(SMS_TEXTS, "keyword", keyword.name()));
            }
            keywords.put(NO_KEYWORD, registry.counter(SMS_TEXTS, "keyword", NO_KEYWORD));
        }

        @Override
        public Outcome record(InboundCommand event) {
            try {
                Outcome outcome = inbound.record(event);
                events.get(event.kind() + (outcome.duplicate() ? "duplicate" : "applied")).increment();
                return outcome;
            } catch (DomainRejection e) {
                events.get(event.kind() + "refused").increment();
                throw e;
            }
        }

        @Override
        public SmsOutcome record(SmsCommand text) {
            try {
                SmsOutcome outcome = inbound.record(text);
                events.get(SMS + (outcome.duplicate() ? "duplicate" : "applied")).increment();
                if (!outcome.duplicate()) {
                    keywords.get(outcome.keyword() == null ? NO_KEYWORD : outcome.keyword().name()).increment();
                }
                return outcome;
            } catch (DomainRejection e) {
                events.get(SMS + "refused").increment();
                throw e;
            }
        }
    }
}
