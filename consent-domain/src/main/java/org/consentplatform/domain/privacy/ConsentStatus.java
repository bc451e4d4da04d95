package org.consentplatform.domain.privacy;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.RecordState;

/**
 * A record's state told as the W3C Data Privacy Vocabulary tells consent (ISO/IEC TS 27560's
 * consent status): opting out is a withdrawal only where consent had been given before.
 */
public enum ConsentStatus {
    GIVEN("dpv:ConsentGiven"),
    /** An opt-in waiting for its double opt-in confirmation. */
    REQUESTED("dpv:ConsentRequested"),
    WITHDRAWN("dpv:ConsentWithdrawn"),
    REFUSED("dpv:ConsentRefused"),
    EXPIRED("dpv:ConsentExpired");

    private final String term;

    ConsentStatus(String term) {
        this.term = term;
    }

    /** The DPV term, compact under the {@code dpv:} prefix. */
    public String term() {
        return term;
    }

    /**
     * The status a record's state stands for.
     *
     * @param givenBefore whether an earlier applied change of the record had opted in
     */
    public static ConsentStatus of(RecordState state, boolean givenBefore) {
        if (state.expired()) {
            return EXPIRED;
        }
        if (state.state() == ConsentState.OPTED_IN) {
            return GIVEN;
        }
        if (state.state() == ConsentState.PENDING_CONFIRMATION) {
            return REQUESTED;
        }
        return givenBefore ? WITHDRAWN : REFUSED;
    }
}
