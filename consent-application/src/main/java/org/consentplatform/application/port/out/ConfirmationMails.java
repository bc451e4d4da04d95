package org.consentplatform.application.port.out;

import java.time.Instant;

/** Sends the email that asks a person to confirm an opt-in. */
public interface ConfirmationMails {

    /**
     * Everything the mail says.
     *
     * @param language ISO 639-1 code of the mail's language
     */
    record ConfirmationMail(String to, String link, String brand, String companyAddress, String purpose, String topic,
                            Instant expiresAt, String language) {
    }

    /** @throws RuntimeException when the mail server did not take it */
    void send(ConfirmationMail mail);
}
