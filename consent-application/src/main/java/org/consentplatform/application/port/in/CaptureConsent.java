package org.consentplatform.application.port.in;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/** Records people's consent decisions, one or a batch. */
public interface CaptureConsent {

    int MAX_BATCH = 1000;

    /**
     * One capture: identifiers parsed, the address normalised later by the tenant's rules.
     *
     * @param topicId null for the purpose as a whole
     * @param source  null: {@link Source#API}; never one the platform's own flows set
     * @param locale  the person's language (BCP 47), for a double opt-in mail; may be null
     * @param globalPrivacyControl the web form's request carried Global Privacy Control ({@code Sec-GPC: 1}, §14)
     * @param notice  the notice version the person saw (§15); null when the caller names none
     */
    record CaptureCommand(TechnicalId profileId, RawContactPoint contactPoint, TechnicalId purposeId, TechnicalId topicId,
                          ConsentState state, Instant capturedAt, Source source, Evidence evidence, String locale,
                          boolean globalPrivacyControl, NoticeSeen notice) {

        public CaptureCommand(TechnicalId profileId, RawContactPoint contactPoint, TechnicalId purposeId, TechnicalId topicId,
                              ConsentState state, Instant capturedAt, Source source, Evidence evidence, String locale) {
            this(profileId, contactPoint, purposeId, topicId, state, capturedAt, source, evidence, locale, false, null);
        }

        /** The same capture, sent from a browser with Global Privacy Control on. */
        public CaptureCommand withGlobalPrivacyControl() {
            return new CaptureCommand(profileId, contactPoint, purposeId, topicId, state, capturedAt, source, evidence, locale, true,
                    notice);
        }

        /** The same capture, naming the notice version the person saw. */
        public CaptureCommand withNotice(NoticeSeen seen) {
            return new CaptureCommand(profileId, contactPoint, purposeId, topicId, state, capturedAt, source, evidence, locale,
                    globalPrivacyControl, seen);
        }

        public CaptureCommand {
            InvalidInputs.requireNonNull("profileId", profileId);
            InvalidInputs.requireNonNull("contactPoint", contactPoint);
            InvalidInputs.requireNonNull("purposeId", purposeId);
            source = source == null ? Source.API : source;
            if (!source.claimableByCaller()) {
                throw DomainRejection.InvalidInput.of("source", "must be API, FORM or OPERATOR: " + source
                        + " is set by the platform's own flows");
            }
            if (source == Source.OPERATOR && (evidence == null || !evidence.hasReason())) {
                throw DomainRejection.InvalidInput.of("evidence.reason", "is required when source is OPERATOR: say why an operator "
                        + "changes the person's consent");
            }
            if (locale != null) {
                try {
                    new Locale.Builder().setLanguageTag(InvalidInputs.optionalText("locale", locale, 35));
                } catch (IllformedLocaleException e) {
                    throw DomainRejection.InvalidInput.of("locale", "must be a BCP 47 language tag, such as fr-FR");
                }
            }
        }
    }

    /** A notice version as a caller names it; whether it exists is the profile's to say (§15). */
    record NoticeSeen(TechnicalId id, String version) {
        public NoticeSeen {
            InvalidInputs.requireNonNull("notice.id", id);
            version = InvalidInputs.requiredText("notice.version", version, 32);
        }
    }

    /** Who asks and under which correlation id. */
    record Caller(Actor actor, String correlationId) {
    }

    /** A person's engagement under an opt-in (an open, a click, a purchase), as the caller reports it. */
    record EngagementCommand(TechnicalId profileId, RawContactPoint contactPoint, TechnicalId purposeId, TechnicalId topicId,
                             Instant engagedAt, Evidence evidence) {

        public EngagementCommand {
            InvalidInputs.requireNonNull("profileId", profileId);
            InvalidInputs.requireNonNull("contactPoint", contactPoint);
            InvalidInputs.requireNonNull("purposeId", purposeId);
            InvalidInputs.requireNonNull("engagedAt", engagedAt);
        }
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
