package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.application.port.in.RecipientPreferences;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.preference.RecipientLink;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.mapstruct.Mapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Link requests to commands, and the sealed URLs back to the links and headers a message carries. */
@Mapper(componentModel = "spring")
interface RecipientLinkMapper {

    default RecipientPreferences.LinkRequest toRequest(RecipientLinkJson.RecipientLinkRequest request) {
        var input = new InputCheck();
        TechnicalId profileId = input.id("profileId", request.profileId());
        RawContactPoint contactPoint = ValueMapping.optionalContactPoint(input, request.channel(), request.address());
        TechnicalId contactId = input.optionalId("contactId", request.contactId());
        TechnicalId purposeId = input.optionalId("purposeId", request.purposeId());
        TechnicalId topicId = input.optionalId("topicId", request.topicId());
        input.verify();
        return new RecipientPreferences.LinkRequest(profileId, contactPoint, contactId, purposeId, topicId);
    }

    /** The one-click unsubscribe URL also goes into the RFC 2369 and RFC 8058 headers. */
    default RecipientLinkJson.RecipientLinks toApi(Map<RecipientLink.Use, String> urls, Instant expiresAt) {
        String unsubscribe = urls.get(RecipientLink.Use.UNSUBSCRIBE);
        Map<String, String> headers = unsubscribe == null ? Map.of()
                : Map.of("List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new RecipientLinkJson.RecipientLinks(urls.get(RecipientLink.Use.PREFERENCES),
                urls.get(RecipientLink.Use.SUBSCRIPTIONS), unsubscribe, headers, expiresAt);
    }
}
