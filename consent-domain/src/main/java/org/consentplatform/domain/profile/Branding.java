package org.consentplatform.domain.profile;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a profile's recipient pages look: a logo and one accent colour, never markup, so a
 * profile cannot put script or arbitrary HTML in front of recipients. The text drawn on the
 * accent colour is black or white, whichever contrasts more (WCAG relative luminance).
 *
 * @param logoUrl an https image URL, or null for none
 * @param colour  {@code #RRGGBB}, or null for the platform's own
 */
public record Branding(URI logoUrl, String colour) {

    public static final Branding NONE = new Branding(null, null);
    private static final String DEFAULT_COLOUR = "#1F4E79";
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9A-F]{6}");

    public Branding {
        if (logoUrl != null) {
            checkLogo(logoUrl);
        }
        if (colour != null) {
            colour = colour.toUpperCase(Locale.ROOT);
            if (!HEX_COLOUR.matcher(colour).matches()) {
                throw DomainRejection.InvalidInput.of("branding.colour", "must be a colour written #RRGGBB");
            }
        }
    }

    /** Parses a logo URL as given by a caller. */
    public static URI logo(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return checkLogo(new URI(InvalidInputs.requiredText("branding.logoUrl", raw, 2000)));
        } catch (URISyntaxException e) {
            throw DomainRejection.InvalidInput.of("branding.logoUrl", "must be an absolute https URL");
        }
    }

    /** The accent colour pages use. */
    public String accent() {
        return colour == null ? DEFAULT_COLOUR : colour;
    }

    /** Black or white, whichever is more legible on the accent colour. */
    public String textOnAccent() {
        double luminance = luminance(accent());
        double onWhite = 1.05 / (luminance + 0.05);
        double onBlack = (luminance + 0.05) / 0.05;
        return onWhite >= onBlack ? "#FFFFFF" : "#000000";
    }

    private static double luminance(String hex) {
        return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
    }

    private static double channel(String hex, int at) {
        double value = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

    private static URI checkLogo(URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null) {
            throw DomainRejection.InvalidInput.of("branding.logoUrl", "must be an absolute https URL without user info");
        }
        return url;
    }
}
