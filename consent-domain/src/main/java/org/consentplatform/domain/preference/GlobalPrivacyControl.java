package org.consentplatform.domain.preference;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;

import java.time.Instant;
import java.util.List;

/**
 * Global Privacy Control (§14): a browser sending {@code Sec-GPC: 1} says its user does not want
 * their data sold or shared. Honoured, it withdraws at once every purpose of the profile that
 * names a partner (the third party the data is shared with) for the contact point, as an
 * unsubscribe would; other purposes are left as they are. Withdrawing twice writes nothing the
 * second time.
 */
public record GlobalPrivacyControl(ComplianceProfile profile, ContactPoint contactPoint) {

    /** The evidence's reason on every change the signal makes. */
    public static final String REASON = "Global Privacy Control signal (Sec-GPC: 1)";

    /** The purposes the signal withdraws: those that name a partner. */
    public List<Purpose> purposes() {
        return profile.purposes().stream().filter(purpose -> purpose.partner() != null).toList();
    }

    public List<RecordKey> records() {
        return purposes().stream().map(purpose -> new RecordKey(profile.id(), contactPoint, purpose.id(), null)).toList();
    }

    /** An opt-out for each partner purpose not opted out yet, with the signal as its evidence's reason. */
    public List<ConsentCapture> withdrawals(RecordStates states, Instant at, Source source, Actor actor, Evidence evidence,
                                            String correlationId) {
        Evidence signal = new Evidence(evidence.wordingVersion(), evidence.formId(), evidence.clientAddress(), evidence.userAgent(),
                evidence.guardian(), REASON);
        return records().stream()
                .filter(key -> states.stateOf(key) != ConsentState.OPTED_OUT)
                .map(key -> new ConsentCapture(key, ConsentState.OPTED_OUT, at, source, actor, signal, correlationId))
                .toList();
    }
}
