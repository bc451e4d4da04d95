package org.consentplatform.benchmark;

import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Fills the running service with many people's consent through its use cases, not over HTTP:
 * seeding is not what a benchmark measures, and a million records over the API take too long.
 */
final class Seeding {

    private static final CaptureConsent.Caller SEEDER = new CaptureConsent.Caller(new Actor("benchmark"), null);

    private Seeding() {
    }

    /** A profile with one commercial purpose, RESTRICTIVE on EMAIL, and its topics. */
    static void profile(ConfigurableApplicationContext service, TenantId tenant, TechnicalId profile, TechnicalId purpose,
                        List<TechnicalId> topics) {
        service.getBean(ManageProfiles.class).create(tenant, profile, new ProfileDefinition("Benchmark", null, List.of(
                Purpose.define(purpose, "News", PurposeType.COMMERCIAL, null, Map.of(Channel.EMAIL, EnforcementModel.RESTRICTIVE),
                        topics.stream().map(topic -> new Topic(topic, null)).toList(), false)), null));
    }

    /**
     * Captures what each of {@code people} people gave, as many people a batch as the batch limit
     * holds, four batches at a time.
     *
     * @param recordsPerPerson how many captures {@code person} makes of one person
     */
    static void people(ConfigurableApplicationContext service, TenantId tenant, int people, int recordsPerPerson,
                       IntFunction<List<CaptureConsent.CaptureCommand>> person) throws Exception {
        CaptureConsent capture = service.getBean(CaptureConsent.class);
        int perBatch = CaptureConsent.MAX_BATCH / recordsPerPerson;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var done = new ArrayList<Future<?>>();
            for (int from = 0; from < people; from += perBatch) {
                int start = from;
                done.add(pool.submit(() -> {
                    var commands = new ArrayList<CaptureConsent.CaptureCommand>();
                    for (int i = start; i < Math.min(people, start + perBatch); i++) {
                        commands.addAll(person.apply(i));
                    }
                    capture.captureAll(tenant, commands, SEEDER);
                    if (start % 25_000 < perBatch) {
                        System.out.printf("  seeded up to person %,d%n", start);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
