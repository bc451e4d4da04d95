package org.consentplatform.acceptance.support;

import org.consentplatform.bootstrap.ConsentApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * The whole service on a random port: embedded profile, in-memory MongoDB-wire storage, the
 * dev token issuer signing with the test key. Every class using it shares one running service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ConsentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consent.embedded.mongo.storage=memory", "consent.projection-repair.interval=PT1H",
                "consent.embedded.kafka.port=0", "consent.embedded.kafka.dir=", "consent.embedded.mail.port=0"})
@ContextConfiguration(initializers = RunningService.TestKey.class)
// the scenarios' world, and the recorder of the store for the suite's dump; on every class using the service, so that they
// all share one context
@Import({World.class, SuiteStores.class})
public @interface RunningService {

    final class TestKey implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-issuer-key",
                    Map.of("consent.dev-issuer.jwk-file", TestKeys.ISSUER_FILE.toString(),
                            "consent.receipts.jwk-file", TestKeys.RECEIPT_KEY_FILE.toString(),
                            "consent.keys.master-keyset-file", TestKeys.MASTER_KEYSET_FILE.toString(),
                            "consent.links.jwk-file", TestKeys.LINK_KEYS_FILE.toString())));
        }
    }
}
