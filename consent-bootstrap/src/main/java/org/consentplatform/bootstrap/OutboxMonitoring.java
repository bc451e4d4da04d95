package org.consentplatform.bootstrap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.consentplatform.application.port.StorageUnavailable;
import org.consentplatform.application.port.in.RelayChanges;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows how the outbox relay (run by {@link BackgroundJobs}) does: metrics {@code consent.outbox.*}
 * and the {@code outbox} health component, which is DOWN when publishing fails or lags beyond
 * {@code consent.outbox.max-lag}. The API keeps accepting writes meanwhile (the component is
 * not part of the readiness group).
 */
@Configuration(proxyBeanMethods = false)
class OutboxMonitoring {

    private final RelayChanges relay;

    OutboxMonitoring(RelayChanges relay) {
        this.relay = relay;
    }

    @Bean
    HealthIndicator outboxHealthIndicator(Clock clock, OutboxProperties outbox) {
        Duration maxLag = outbox.maxLag();
        return () -> {
            RelayChanges.Status status;
            try {
                status = relay.status();
            } catch (StorageUnavailable e) {
                // the backlog cannot be counted: say so in the health document instead of failing the whole endpoint
                return Health.down(e).build();
            }
            Duration lag = lag(status, clock);
            Health.Builder health = status.lastFailure() != null || lag.compareTo(maxLag) > 0 ? Health.down() : Health.up();
            health.withDetail("backlog", status.backlog()).withDetail("lagSeconds", lag.toSeconds())
                    .withDetail("published", status.published()).withDetail("failures", status.failures())
                    .withDetail("relayLeader", status.leader());
            if (status.lastFailure() != null) {
                health.withDetail("lastFailure", status.lastFailure());
            }
            return health.build();
        };
    }

    @Bean
    MeterBinder outboxMetrics(Clock clock) {
        return registry -> bind(registry, new RecentStatus(relay, clock), clock);
    }

    /** One status read (two storage queries) serves all four meters of a scrape. */
    private static void bind(MeterRegistry registry, RecentStatus status, Clock clock) {
        Gauge.builder("consent.outbox.backlog", status, s -> s.get().backlog())
                .description("Changes in the change log not yet acknowledged by Kafka").register(registry);
        Gauge.builder("consent.outbox.lag", status, s -> lag(s.get(), clock).toMillis() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest unpublished change").register(registry);
        FunctionCounter.builder("consent.outbox.published", status, s -> s.get().published())
                .description("Changes this instance published").register(registry);
        FunctionCounter.builder("consent.outbox.failures", status, s -> s.get().failures())
                .description("Relay runs that stopped on a publishing failure").register(registry);
    }

    /** The relay's status, read at most once a second. */
    private static final class RecentStatus {
        private final RelayChanges relay;
        private final Clock clock;
        private RelayChanges.Status status;
        private Instant readAt = Instant.MIN;

        RecentStatus(RelayChanges relay, Clock clock) {
            this.relay = relay;
            this.clock = clock;
        }

        synchronized RelayChanges.Status get() {
            Instant now = clock.instant();
            if (status == null || Duration.between(readAt, now).compareTo(Duration.ofSeconds(1)) > 0) {
                status = relay.status();
                readAt = now;
            }
            return status;
        }
    }

    private static Duration lag(RelayChanges.Status status, Clock clock) {
        Instant oldest = status.oldestUnpublished();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }
}
