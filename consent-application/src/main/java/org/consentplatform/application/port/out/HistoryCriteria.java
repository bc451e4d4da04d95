package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;

import java.time.Instant;

/**
 * Which entries of a tenant's change log an auditor wants; every part is optional.
 *
 * @param from   recorded at or after (inclusive)
 * @param to     recorded before (exclusive)
 * @param actor  the subject who acted
 * @param client the OAuth client the subject acted through
 */
public record HistoryCriteria(Instant from, Instant to, ContactPoint contactPoint, TechnicalId profileId,
                              TechnicalId purposeId, Source source, String actor, String client, ChangeOutcome outcome) {

    public static HistoryCriteria ofContactPoint(ContactPoint contactPoint) {
        return new HistoryCriteria(null, null, contactPoint, null, null, null, null, null, null);
    }
}
