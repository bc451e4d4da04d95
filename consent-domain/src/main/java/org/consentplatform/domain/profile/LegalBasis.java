package org.consentplatform.domain.profile;

/** The GDPR Art. 6 ground a purpose rests on. */
public enum LegalBasis {
    CONSENT, LEGITIMATE_INTEREST, CONTRACT, LEGAL_OBLIGATION, VITAL_INTEREST, PUBLIC_TASK
}
