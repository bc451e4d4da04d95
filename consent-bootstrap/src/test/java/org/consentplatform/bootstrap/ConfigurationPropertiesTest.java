package org.consentplatform.bootstrap;

import org.consentplatform.adapter.in.kafka.InboundConsumer;
import org.consentplatform.adapter.in.rest.shared.ApiProperties;
import org.consentplatform.adapter.in.rest.shared.LinkProperties;
import org.consentplatform.adapter.in.rest.shared.SecurityProperties;
import org.consentplatform.adapter.kafka.EventTopics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Configuration is bound to typed records at start-up, and a bad value stops the start naming its property. */
class ConfigurationPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PlatformProperties.class, OutboxProperties.class, AuditProperties.class, ImportProperties.class,
            ExpiryProperties.class, ReportProperties.class, DoubleOptInProperties.class, SecurityProperties.class, ApiProperties.class,
            LinkProperties.class, EventTopics.class, InboundConsumer.class})
    static class AllProperties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(AllProperties.class)
            .withPropertyValues("consent.links.jwk-file=./keys.jwks");

    @Test
    void leftOutPropertiesTakeTheirDocumentedDefaults() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(OutboxProperties.class).pollInterval()).isEqualTo(Duration.ofMillis(200));
            assertThat(started.getBean(AuditProperties.class).projectionRepair().interval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(started.getBean(DoubleOptInProperties.class).limits().perAddress()).isEqualTo(3);
            assertThat(started.getBean(LinkProperties.class).lifetime()).isEqualTo(Duration.ofDays(90));
            assertThat(started.getBean(SecurityProperties.class).tenantClaim()).isEqualTo("tenant_ids");
            assertThat(started.getBean(EventTopics.class).inbound()).isEqualTo("consent.inbound.v1");
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "consent.outbox.batch-size, 0",
            "consent.outbox.lease-ttl, PT0.1S",
            "consent.imports.max-bytes, -1",
            "consent.expiry.interval, soon",
            "consent.checkpoints.interval, PT0S",
            "consent.double-opt-in.limits.per-address, 0",
            "consent.double-opt-in.from, ' '",
            "consent.links.lifetime, PT1M",
            "consent.links.lifetime, P400D",
            "consent.api.max-body-bytes, 0",
            "consent.security.audience, ' '",
            "consent.kafka.topics.partitions, 0",
            "consent.kafka.inbound-group, ' '"})
    void aBadValueStopsTheStartNamingItsProperty(String property, String value) {
        context.withPropertyValues(property + "=" + value).run(started -> {
            assertThat(started).hasFailed();
            // Boot names a nested field in camel case (limits.perAddress): compare without the dashes
            assertThat(relaxed(messages(started.getStartupFailure()))).contains(relaxed(property));
        });
    }

    @Test
    void aMissingKeyFileStopsTheStart() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(AllProperties.class)
                .run(started -> assertThat(messages(started.getStartupFailure())).contains("consent.links", "jwkFile"));
    }

    private static String relaxed(String name) {
        return name.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String messages(Throwable failure) {
        var text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }
}
