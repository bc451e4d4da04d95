package org.consentplatform.domain.consent;

/** Where a change came from. */
public enum Source {
    API, FORM, PREFERENCE_CENTER, SUBSCRIPTION_CENTER, DOUBLE_OPT_IN, IMPORT, INBOUND_EVENT, EXPIRY, OPERATOR;

    /**
     * Whether an API caller may claim this source. The others are written only by the
     * platform's own flows; claimed by a caller they would be false evidence.
     */
    public boolean claimableByCaller() {
        return this == API || this == FORM || this == OPERATOR;
    }
}
