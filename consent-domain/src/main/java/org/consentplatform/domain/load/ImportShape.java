package org.consentplatform.domain.load;

/** The two kinds of file a load takes (§9). */
public enum ImportShape {
    /** One consent per row: contact point, profile, purpose, topic, state, capturedAt, evidence. */
    CONSENT_ROWS,
    /** One legacy contact per row: email addresses, the three flags, subscription-list memberships (§7). */
    LEGACY_CONTACTS
}
