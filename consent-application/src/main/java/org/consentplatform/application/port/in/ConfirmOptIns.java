package org.consentplatform.application.port.in;

import java.net.URI;
import java.time.Instant;

/** The person's side of double opt-in: what a link confirms, and confirming it. */
public interface ConfirmOptIns {

    enum Status {
        /** Shown with a confirm button; confirmed only by an explicit action. */
        OPEN,
        /** Just confirmed by this action. */
        CONFIRMED,
        /** Confirmed before; nothing changed. */
        ALREADY_CONFIRMED,
        /** Too late: a new link must be asked for. */
        EXPIRED,
        /** The consent changed since (for instance an opt-out): this link confirms nothing. */
        VOID,
        /** No such link. */
        UNKNOWN
    }

    /**
     * What the page shows; all but the status are null for an unknown link.
     *
     * @param redirectUrl where the profile sends a person who confirmed; null: stay on the platform's page
     */
    record Confirmation(Status status, String brand, String companyAddress, String purpose, String topic, String address,
                        Instant expiresAt, URI redirectUrl) {
        public static final Confirmation UNKNOWN = new Confirmation(Status.UNKNOWN, null, null, null, null, null, null, null);

        public Confirmation withStatus(Status newStatus) {
            return new Confirmation(newStatus, brand, companyAddress, purpose, topic, address, expiresAt, redirectUrl);
        }
    }

    /** What asking for a new link did. */
    enum Renewal {
        /** A new link is on its way. */
        SENT,
        /** The link's opt-in no longer waits (confirmed, or changed since): there is nothing to confirm. */
        NOT_RENEWABLE,
        /** No such link. */
        UNKNOWN
    }

    /** Looks only: a mail scanner fetching the link changes nothing. */
    Confirmation view(String token);

    /** Confirms the opt-in the link was sent for, with the person's client as evidence. */
    Confirmation confirm(String token, String clientAddress, String userAgent);

    /**
     * Sends a new link for the opt-in an expired (or lost) link was sent for.
     *
     * @throws org.consentplatform.domain.shared.DomainRejection.TooManyRequests when the address had its share of mails
     */
    Renewal renew(String token);

    /**
     * Sends new links for the opt-ins still waiting for an address, for a person whose link is
     * unknown. Says nothing of whether there were any: the same answer for every address.
     *
     * @throws org.consentplatform.domain.shared.DomainRejection.InvalidInput when it is not an email address
     */
    void renewFor(String address);
}
