package org.consentplatform.application.port.in;

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

    /** What the page shows; all but the status are null for an unknown link. */
    record Confirmation(Status status, String brand, String companyAddress, String purpose, String topic, String address,
                        Instant expiresAt) {
        public static final Confirmation UNKNOWN = new Confirmation(Status.UNKNOWN, null, null, null, null, null, null);
    }

    /** Looks only: a mail scanner fetching the link changes nothing. */
    Confirmation view(String token);

    /** Confirms the opt-in the link was sent for, with the person's client as evidence. */
    Confirmation confirm(String token, String clientAddress, String userAgent);
}
