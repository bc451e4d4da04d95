package org.consentplatform.domain.consent;

/**
 * How a purpose turns a record's state into permission, per channel (domain rules §2). The
 * same table decides messages and tracking. A pending confirmation counts as absent here;
 * the double opt-in block is the enforcement policy's concern.
 */
public enum EnforcementModel {
    /** Only an opt-in permits. */
    RESTRICTIVE {
        @Override
        public boolean permits(ConsentState state) {
            return state == ConsentState.OPTED_IN;
        }
    },
    /** Everything but an opt-out permits. */
    NON_RESTRICTIVE {
        @Override
        public boolean permits(ConsentState state) {
            return state != ConsentState.OPTED_OUT;
        }
    },
    /** Consent is not checked. */
    DISABLED {
        @Override
        public boolean permits(ConsentState state) {
            return true;
        }
    };

    /** @param state the record's state, null when the record is absent */
    public abstract boolean permits(ConsentState state);
}
