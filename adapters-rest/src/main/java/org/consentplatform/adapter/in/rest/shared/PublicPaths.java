package org.consentplatform.adapter.in.rest.shared;

import org.consentplatform.domain.preference.RecipientLink;

/**
 * The addresses outside the token-secured API, in one place: the security chains open them, the
 * pages serve them, and the API writes links to them.
 */
public final class PublicPaths {

    public static final String PREFERENCES = "/preferences";
    public static final String SUBSCRIPTIONS = "/subscriptions";
    public static final String UNSUBSCRIBE = "/unsubscribe";
    /** Where a recipient form whose CSRF token was missing or stale is sent (by Spring Security). */
    public static final String FORM_EXPIRED = "/recipient-form-expired";
    /** The double opt-in confirmation pages. */
    public static final String CONFIRMATION = "/confirm";
    /** The public keys consent receipts are signed with. */
    public static final String RECEIPT_KEYS = "/.well-known/consent-receipt-keys.json";
    /** The event contract: the AsyncAPI document and the JSON Schemas events name in their dataschema. */
    public static final String EVENT_CONTRACT = "/events";
    /** The query parameter that sets the page language over the browser's Accept-Language. */
    public static final String LANGUAGE = "lang";

    private PublicPaths() {
    }

    /** The page a recipient link opens. */
    public static String of(RecipientLink.Use use) {
        return switch (use) {
            case PREFERENCES -> PREFERENCES;
            case SUBSCRIPTIONS -> SUBSCRIPTIONS;
            case UNSUBSCRIBE -> UNSUBSCRIBE;
        };
    }
}
