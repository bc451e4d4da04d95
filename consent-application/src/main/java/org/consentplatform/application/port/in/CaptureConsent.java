package org.consentplatform.application.port.in;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;

/** Records people's consent decisions, one or a batch. */
public interface CaptureConsent {

    int MAX_BATCH = 1000;

    /**
     * One capture as the caller wrote it; identifiers and the address are checked and normalised.
     *
     * @param locale the person's language (BCP 47), for a double opt-in mail; may be null
     */
    record CaptureCommand(String profileId, String channel, String address, String purposeId, String topicId,
                          ConsentState state, Instant capturedAt, Source source, Evidence evidence, String locale) {
    }

    /** Who asks and under which correlation id. */
    record Caller(Actor actor, String correlationId) {
    }

    /** A person's engagement under an opt-in (an open, a click, a purchase), as the caller reports it. */
    record EngagementCommand(String profileId, String channel, String address, String purposeId, String topicId,
                             Instant engagedAt, Evidence evidence) {
    }

    ConsentChange capture(TenantId tenant, CaptureCommand command, Caller caller);

    /**
     * Renews a valid opt-in from proof of engagement, where its purpose allows it (§10): a new
     * OPTED_IN change captured at the engagement, which restarts the lifetime.
     *
     * @throws org.consentplatform.domain.shared.DomainRejection.RuleViolation when the purpose does not renew on
     *                                                                          engagement, or there is no valid opt-in
     */
    ConsentChange renew(TenantId tenant, EngagementCommand command, Caller caller);

    /** All or nothing for invalid input: every item is checked before any is recorded. */
    List<ConsentChange> captureAll(TenantId tenant, List<CaptureCommand> commands, Caller caller);
}
