package org.consentplatform.domain.consent;

import org.consentplatform.domain.shared.InvalidInputs;

/**
 * What proves a change, where there is some. Every part is optional.
 *
 * @param wordingVersion the version of the wording the person saw
 * @param formId         the form the person used
 * @param clientAddress  the person's IP address
 * @param userAgent      the person's browser
 */
public record Evidence(String wordingVersion, String formId, String clientAddress, String userAgent) {

    public static final Evidence NONE = new Evidence(null, null, null, null);

    public Evidence {
        wordingVersion = InvalidInputs.optionalText("evidence.wordingVersion", wordingVersion, 128);
        formId = InvalidInputs.optionalText("evidence.formId", formId, 256);
        clientAddress = InvalidInputs.optionalText("evidence.clientAddress", clientAddress, 64);
        userAgent = InvalidInputs.optionalText("evidence.userAgent", userAgent, 1024);
    }
}
