package org.consentplatform.domain.profile;

/** What a material notice version does to the opt-ins given under earlier ones (domain rules §15). */
public enum NoticePolicy {
    /** They count as absent (reason NOTICE_SUPERSEDED) until the person agrees to the new version. */
    RECONSENT_REQUIRED,
    /** They stay valid: the change applies to new opt-ins only. */
    GRANDFATHERED
}
