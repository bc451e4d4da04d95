package org.consentplatform.domain.profile;

import org.consentplatform.domain.contactpoint.EmailAddresses;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How a profile runs double opt-in (§5): how long a link lives, who the mail is from, where
 * the person goes once confirmed, the language when the capture named none we write in, and
 * who delivers the link.
 *
 * @param senderAddress null: the platform's configured sender
 * @param senderName    null: the platform's configured sender name
 * @param redirectUrl   null: the platform's own "confirmed" page stays on screen
 */
public record DoubleOptInSettings(Duration linkLifetime, String senderAddress, String senderName, URI redirectUrl,
                                  String defaultLanguage, Delivery delivery) {

    /** The languages mails and pages are written in (ISO 639-1). */
    public static final List<String> LANGUAGES = List.of("en", "fr", "pl");
    public static final Duration MIN_LINK_LIFETIME = Duration.ofHours(1);
    public static final Duration MAX_LINK_LIFETIME = Duration.ofDays(30);
    public static final DoubleOptInSettings DEFAULTS =
            new DoubleOptInSettings(Duration.ofHours(72), null, null, null, "en", Delivery.PLATFORM_MAIL);

    /** Who puts the link in front of the person. */
    public enum Delivery {
        /** The platform mails it over SMTP (and announces the request on Kafka without the link). */
        PLATFORM_MAIL,
        /** An external sender (a marketing suite) mails it: the Kafka event carries the link. */
        EXTERNAL_SENDER
    }

    public DoubleOptInSettings {
        linkLifetime = linkLifetime == null ? DEFAULTS.linkLifetime : linkLifetime;
        if (linkLifetime.compareTo(MIN_LINK_LIFETIME) < 0 || linkLifetime.compareTo(MAX_LINK_LIFETIME) > 0) {
            throw DomainRejection.InvalidInput.of("doubleOptIn.linkLifetime", "must be between PT1H and P30D");
        }
        senderAddress = senderAddress == null ? null : EmailAddresses.normalise("doubleOptIn.senderAddress", senderAddress, false);
        senderName = InvalidInputs.optionalText("doubleOptIn.senderName", senderName, 100);
        if (senderName != null && (senderName.isBlank() || senderName.chars().anyMatch(c -> c == '\n' || c == '\t'))) {
            throw DomainRejection.InvalidInput.of("doubleOptIn.senderName", "must be one line of text");
        }
        if (redirectUrl != null) {
            checkRedirect(redirectUrl);
        }
        defaultLanguage = defaultLanguage == null ? DEFAULTS.defaultLanguage : defaultLanguage.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(defaultLanguage)) {
            throw DomainRejection.InvalidInput.of("doubleOptIn.defaultLanguage", "must be one of " + LANGUAGES);
        }
        delivery = delivery == null ? DEFAULTS.delivery : delivery;
    }

    /**
     * The language to write to a person in: the capture's, if it is one we write in, else the profile's default.
     *
     * @param requested a BCP 47 tag such as {@code fr-CA}, or null
     */
    public String languageFor(String requested) {
        if (requested == null) {
            return defaultLanguage;
        }
        String language = Locale.forLanguageTag(requested).getLanguage();
        return LANGUAGES.contains(language) ? language : defaultLanguage;
    }

    /** Parses a redirect URL as given by a caller. */
    public static URI redirect(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return checkRedirect(new URI(InvalidInputs.requiredText("doubleOptIn.redirectUrl", raw, 2000)));
        } catch (URISyntaxException e) {
            throw DomainRejection.InvalidInput.of("doubleOptIn.redirectUrl", "must be an absolute https or http URL");
        }
    }

    private static URI checkRedirect(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || url.getRawUserInfo() != null) {
            throw DomainRejection.InvalidInput.of("doubleOptIn.redirectUrl", "must be an absolute https or http URL without user info");
        }
        return url;
    }
}
