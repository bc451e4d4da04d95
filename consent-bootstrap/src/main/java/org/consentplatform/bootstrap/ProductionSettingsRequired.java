package org.consentplatform.bootstrap;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.util.ArrayList;

/**
 * Outside the embedded profile the store and the mail relay must be named: the clients' defaults
 * (localhost) would otherwise hide a missing setting until the first request or the first
 * double opt-in mail. Every missing setting is named at once.
 */
class ProductionSettingsRequired implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        if (environment.acceptsProfiles(Profiles.of("embedded"))) {
            return;
        }
        var missing = new ArrayList<String>();
        if (blank(environment.getProperty("spring.mongodb.uri"))) {
            missing.add("No MongoDB connection string: set spring.mongodb.uri (SPRING_MONGODB_URI), for example "
                    + "mongodb://db1,db2,db3/consent?replicaSet=rs0&w=majority");
        }
        if (blank(environment.getProperty("spring.mail.host"))) {
            missing.add("No SMTP relay for double opt-in mails: set spring.mail.host (SPRING_MAIL_HOST), with "
                    + "spring.mail.port, spring.mail.username and spring.mail.password");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join("; ", missing)
                    + ". Or run with the embedded profile; see docs/operations.md");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
