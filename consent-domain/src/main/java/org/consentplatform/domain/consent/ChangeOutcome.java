package org.consentplatform.domain.consent;

/** Whether a change moved the record. */
public enum ChangeOutcome {
    APPLIED,
    /** Older than the record's current consent (domain rules §6): kept in the audit, state unchanged. */
    SUPERSEDED
}
