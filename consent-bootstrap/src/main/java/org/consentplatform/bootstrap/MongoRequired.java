package org.consentplatform.bootstrap;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Outside the embedded profile a MongoDB must be named: the driver's default (localhost) would
 * otherwise hide a missing setting until the first request.
 */
class MongoRequired implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        if (environment.acceptsProfiles(Profiles.of("embedded"))) {
            return;
        }
        String uri = environment.getProperty("spring.mongodb.uri");
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("No MongoDB connection string: set spring.mongodb.uri (SPRING_MONGODB_URI), "
                    + "for example mongodb://db1,db2,db3/consent?replicaSet=rs0&w=majority, or run with the embedded "
                    + "profile; see docs/operations.md");
        }
    }
}
