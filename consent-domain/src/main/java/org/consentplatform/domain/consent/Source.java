package org.consentplatform.domain.consent;

/** Where a change came from. */
public enum Source {
    API, FORM, PREFERENCE_CENTER, SUBSCRIPTION_CENTER, DOUBLE_OPT_IN, IMPORT, INBOUND_EVENT, EXPIRY, OPERATOR,
    /** The person's erasure (GDPR Art. 17): the record's consent is forgotten with the address. */
    ERASURE;

    /**
     * Whether an API caller may claim this source. The others are written only by the
     * platform's own flows; claimed by a caller they would be false evidence.
     */
    public boolean claimableByCaller() {
        return this == API || this == FORM || this == OPERATOR;
    }

    /**
     * Whether a change from this source is the person's own act: given through the API or a form
     * by the person, on their preference or subscription center, or by confirming a double
     * opt-in. Only such an opt-in brings an erased contact point back (§13); a load, an operator
     * or a provider's event never does.
     */
    public boolean givenByThePerson() {
        return this == API || this == FORM || this == PREFERENCE_CENTER || this == SUBSCRIPTION_CENTER || this == DOUBLE_OPT_IN;
    }
}
