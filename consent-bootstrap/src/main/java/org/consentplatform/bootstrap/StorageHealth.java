package org.consentplatform.bootstrap;

import org.consentplatform.application.port.out.StorageProbe;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Storage health through its port; it replaces Boot's MongoDB indicator (same bean name), whose
 * {@code hello} the embedded MongoDB-wire server does not know.
 */
@Configuration(proxyBeanMethods = false)
class StorageHealth {

    @Bean("mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(StorageProbe storage) {
        return () -> {
            try {
                return Health.up().withDetail("database", storage.ping()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
