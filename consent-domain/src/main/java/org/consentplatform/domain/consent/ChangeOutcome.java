package org.consentplatform.domain.consent;

/** Whether a change moved the record. */
public enum ChangeOutcome {
    APPLIED,
    /** Older than the record's current consent (domain rules §6): kept in the audit, state unchanged. */
    SUPERSEDED,
    /** Refused by a rule (§11, a minor's opt-in without a guardian for example): kept in the audit with its reason, state unchanged. */
    REJECTED
}
