package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.adapter.in.rest.shared.LinkProperties;
import org.consentplatform.adapter.in.rest.shared.PublicPaths;
import org.consentplatform.adapter.in.rest.shared.RecipientLinkSeal;
import org.consentplatform.application.port.in.RecipientPreferences;
import org.consentplatform.domain.preference.RecipientLink;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The links a message carries to its recipient's pages, and the one-click unsubscribe headers (RFC 2369, RFC 8058). */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/recipient-links", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Recipient links")
class RecipientLinkController {

    static final Duration MIN_LIFETIME = Duration.ofHours(1);
    static final Duration MAX_LIFETIME = Duration.ofDays(366);

    private final RecipientPreferences preferences;
    private final RecipientLinkMapper mapper;
    private final RecipientLinkSeal seal;
    private final Clock clock;
    private final Duration defaultLifetime;
    private final String baseUrl;

    RecipientLinkController(RecipientPreferences preferences, RecipientLinkMapper mapper, RecipientLinkSeal seal, Clock clock,
                            LinkProperties links) {
        this.preferences = preferences;
        this.mapper = mapper;
        this.seal = seal;
        this.clock = clock;
        this.defaultLifetime = links.lifetime();
        this.baseUrl = links.baseUrl();
    }

    @PostMapping
    @Operation(summary = "Make the preference-center, subscription-center and one-click unsubscribe links for a message to a "
            + "contact point or contact, with the List-Unsubscribe headers to send with it")
    RecipientLinkJson.RecipientLinks create(@PathVariable String tenantId, @RequestBody RecipientLinkJson.RecipientLinkRequest request) {
        Instant expiresAt = clock.instant().plus(lifetime(request.validFor())).truncatedTo(ChronoUnit.SECONDS);
        String language = language(request.language());
        List<RecipientLink> links = preferences.links(new TenantId(tenantId), mapper.toRequest(request));
        Map<RecipientLink.Use, String> urls = new LinkedHashMap<>();
        links.forEach(link -> urls.put(link.use(), url(link, expiresAt, language)));
        return mapper.toApi(urls, expiresAt);
    }

    private String url(RecipientLink link, Instant expiresAt, String language) {
        UriComponentsBuilder url = baseUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUriString(baseUrl);
        url.path(PublicPaths.of(link.use())).pathSegment(seal.seal(link, expiresAt));
        if (language != null) {
            url.queryParam(PublicPaths.LANGUAGE, language);
        }
        return url.build().toUriString();
    }

    private Duration lifetime(String raw) {
        if (raw == null) {
            return defaultLifetime;
        }
        try {
            Duration lifetime = Duration.parse(raw);
            if (lifetime.compareTo(MIN_LIFETIME) >= 0 && lifetime.compareTo(MAX_LIFETIME) <= 0) {
                return lifetime;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw DomainRejection.InvalidInput.of("validFor", "must be an ISO 8601 duration from PT1H to P366D");
    }

    private static String language(String raw) {
        if (raw == null) {
            return null;
        }
        String language = raw.toLowerCase(Locale.ROOT);
        if (!DoubleOptInSettings.LANGUAGES.contains(language)) {
            throw DomainRejection.InvalidInput.of("language", "must be one of " + DoubleOptInSettings.LANGUAGES);
        }
        return language;
    }
}
