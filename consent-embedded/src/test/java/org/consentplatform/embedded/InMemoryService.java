package org.consentplatform.embedded;

import org.consentplatform.bootstrap.ConsentApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;
import java.util.stream.Stream;

/** The service on the embedded default, on free ports, storing in memory: for tests that start their own. */
final class InMemoryService {

    private InMemoryService() {
    }

    /** Starts it with these arguments after the in-memory ones (a later one wins). */
    static ConfigurableApplicationContext start(String... more) {
        return new SpringApplicationBuilder(ConsentApplication.class).run(Stream.concat(Stream.of("--server.port=0",
                "--consent.embedded.mongo.storage=memory", "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=",
                "--consent.embedded.mail.port=0"), Arrays.stream(more)).toArray(String[]::new));
    }

    static String baseUrl(ConfigurableApplicationContext service) {
        return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
    }
}
