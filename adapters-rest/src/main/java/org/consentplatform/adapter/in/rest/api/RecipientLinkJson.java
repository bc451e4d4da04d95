package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** The JSON shapes of recipient links. */
final class RecipientLinkJson {

    private RecipientLinkJson() {
    }

    @Schema(description = "For whom to make the links a message carries. A channel and address give the preference-center and "
            + "one-click unsubscribe links; a contactId (of a CONTACT) gives the subscription-center link, and its flags pre-fill "
            + "the preference center too when given with an address it owns.")
    public record RecipientLinkRequest(
            String profileId, String channel, String address, String contactId,
            @Schema(description = "The commercial purpose one-click unsubscribe leaves; left out: every commercial purpose of the profile")
            String purposeId,
            @Schema(description = "A topic of that purpose to leave instead of the whole purpose")
            String topicId,
            @Schema(description = "ISO 8601 duration the links stay valid, PT1H to P366D; left out: the platform's default (P90D)", example = "P90D")
            String validFor,
            @Schema(description = "Language of the pages when the browser does not ask for one we write in", allowableValues = {"en", "fr", "pl"})
            String language) {
    }

    @Schema(description = "Links to put into a message. URLs carry nothing but a sealed token (and the page language); "
            + "headers are the RFC 2369 / RFC 8058 values for one-click unsubscribe.")
    public record RecipientLinks(String preferenceCenterUrl, String subscriptionCenterUrl, String unsubscribeUrl,
                                 Map<String, String> headers, Instant expiresAt) {
    }
}
