package org.consentplatform.domain.consent;

/** Where a change came from. */
public enum Source {
    API, FORM, PREFERENCE_CENTER, SUBSCRIPTION_CENTER, DOUBLE_OPT_IN, IMPORT, INBOUND_EVENT, EXPIRY, OPERATOR
}
