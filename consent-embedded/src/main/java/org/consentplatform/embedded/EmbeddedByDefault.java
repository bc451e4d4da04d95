package org.consentplatform.embedded;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Makes "embedded" the default profile wherever this module is on the classpath, so the
 * one-command run needs no flag, while the production jar (without this module) has no default
 * profile at all and asks for its MongoDB, broker and identity provider. Runs before the
 * configuration files are read, at the lowest precedence, so any profile set explicitly wins.
 */
public class EmbeddedByDefault implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("embedded-by-default",
                Map.of("spring.profiles.default", "embedded")));
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }
}
