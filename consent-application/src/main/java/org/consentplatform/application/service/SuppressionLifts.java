package org.consentplatform.application.service;

import org.consentplatform.application.port.out.Erasures;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.privacy.Erasure;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/**
 * What every capturing flow does about erased contact points (§13): an opt-in that is not the
 * person's own is refused; one that is stores the address again before it is recorded, and once
 * recorded and applied lifts the suppression.
 */
final class SuppressionLifts {

    private final Erasures erasures;
    private final Clock clock;

    SuppressionLifts(Erasures erasures, Clock clock) {
        this.erasures = erasures;
        this.clock = clock;
    }

    /** The suppressions of the contact points these opt-ins are about (none read when there are none). */
    Map<ContactPoint, Suppression> of(TenantId tenant, Collection<ContactPoint> optedIn) {
        return optedIn.isEmpty() ? Map.of() : erasures.suppressions(tenant, optedIn);
    }

    /** Stores the address of an erased contact point again when the capture is the person's opt-in (after every refusal). */
    void readmit(TenantId tenant, Suppression suppression, ConsentCapture capture) {
        if (suppression != null && Suppression.readmits(capture)) {
            erasures.readmit(tenant, capture.key().contactPoint());
        }
    }

    /** Lifts the suppression when the change is the person's applied opt-in. */
    void afterRecording(TenantId tenant, Suppression suppression, ConsentChange change) {
        if (suppression != null && Suppression.liftedBy(change)) {
            ContactPoint contactPoint = change.key().contactPoint();
            erasures.lift(tenant, contactPoint, suppression, new Erasure.Lift(contactPoint, clock.instant(), change.id(), change.source()));
        }
    }
}
