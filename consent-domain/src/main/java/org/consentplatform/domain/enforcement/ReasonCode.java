package org.consentplatform.domain.enforcement;

/** The kinds of checks a decision is made of. */
public enum ReasonCode {
    /** The contact point was erased at the person's request: commercial messages and tracking block (§13). */
    ERASED,
    /** The purpose's record under the purpose's model (§2). */
    PURPOSE_CONSENT,
    /** The topic's record under the parent purpose's model (§3). */
    TOPIC_CONSENT,
    /** An opt-in older than its purpose's consent lifetime, evaluated as absent under the model (§10). */
    CONSENT_EXPIRED,
    /** An opt-in for a minor's contact point that no parent or guardian gave, evaluated as absent (§12). */
    MINOR_WITHOUT_GUARDIAN,
    /** An opt-in given under a notice version that a material version superseded, where the profile requires consent again (§15). */
    NOTICE_SUPERSEDED,
    /** A double opt-in not yet confirmed blocks whatever the model (§5). */
    PENDING_CONFIRMATION,
    /** A legacy contact flag (§4). */
    CONTACT_FLAG,
    /** Contact-level checks are on, but the request named no contact, so no flag could be read. */
    CONTACT_NOT_GIVEN,
    /** The TRACKING purpose's record under its model (§2). */
    TRACKING_CONSENT,
    /** The TRACKING purpose has no model on this channel: nothing to track with. */
    TRACKING_NOT_APPLICABLE
}
