package org.consentplatform.bootstrap;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Storage health by a {@code ping}, which MongoDB and the embedded MongoDB-wire server both
 * answer; it replaces Boot's indicator (same bean name), whose {@code hello} the embedded
 * server does not know.
 */
@Configuration(proxyBeanMethods = false)
class StorageHealth {

    @Bean("mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoClient client, @Value("${spring.mongodb.database:consent}") String database) {
        return () -> {
            try {
                client.getDatabase(database).runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", database).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
