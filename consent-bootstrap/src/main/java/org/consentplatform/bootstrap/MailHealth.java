package org.consentplatform.bootstrap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP relay's health. Without it double opt-in mails wait (they are retried), but
 * captures, decisions and every page go on: a relay that is down makes the service
 * {@code DEGRADED}, answered 200, not {@code DOWN}, so a load balancer keeps routing to it. The
 * probes' groups (liveness, readiness) leave it out, as they leave out the broker.
 */
@Configuration(proxyBeanMethods = false)
class MailHealth {

    static final Status DEGRADED = new Status("DEGRADED", "the SMTP relay does not answer; double opt-in mails wait");

    /** Named so that Boot's own mail indicator, which would report DOWN, backs off. */
    @Bean
    HealthIndicator mailHealthContributor(JavaMailSenderImpl sender) {
        return () -> {
            Health.Builder health = new Health.Builder().withDetail("location", sender.getHost() + ":" + sender.getPort());
            try {
                sender.testConnection();
                return health.up().build();
            } catch (Exception e) {
                return health.status(DEGRADED).withException(e).build();
            }
        };
    }
}
