package org.consentplatform.application.port.in;

/** The background side of consent lifetimes (§10): write down the opt-ins that have expired. */
public interface ExpireConsents {

    /**
     * Writes an EXPIRY change for every opt-in past its purpose's lifetime, while this instance
     * holds the expiry lease. Decisions do not wait for it: they count expired opt-ins as absent.
     *
     * @return the number of EXPIRY changes written
     */
    int expireDue();
}
