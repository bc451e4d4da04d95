package org.consentplatform.domain.consent;

/** The state of a consent record. An absent record (never set) is represented by no state at all. */
public enum ConsentState {
    OPTED_IN,
    OPTED_OUT,
    /** An opt-in waiting for its double opt-in confirmation: counts as not opted in. */
    PENDING_CONFIRMATION
}
