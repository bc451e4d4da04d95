package org.consentplatform.application.port.out;

import java.time.Instant;

/** Sends the email that asks a person to confirm an opt-in. */
public interface ConfirmationMails {

    /**
     * Everything the mail says.
     *
     * @param senderAddress null: the platform's configured sender
     * @param senderName    null: the platform's configured sender name
     * @param language      ISO 639-1 code of the mail's language
     */
    record ConfirmationMail(String to, String senderAddress, String senderName, String link, String brand,
                            String companyAddress, String purpose, String topic, Instant expiresAt, String language) {

        /** The same mail without its link, for those who only need to know it was asked for. */
        public ConfirmationMail withoutLink() {
            return new ConfirmationMail(to, senderAddress, senderName, null, brand, companyAddress, purpose, topic, expiresAt, language);
        }
    }

    /** @throws RuntimeException when the mail server did not take it */
    void send(ConfirmationMail mail);
}
