package org.consentplatform.domain.contactpoint;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.consentplatform.domain.shared.DomainRejection;

import java.util.Locale;

/** Phone numbers in E.164, by libphonenumber's metadata. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param defaultRegion the region of numbers written without "+country"; null to require the "+" form
     */
    public static String toE164(String field, String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            throw DomainRejection.InvalidInput.of(field, "is required");
        }
        if (raw.length() > 64) {
            throw invalid(field, "is not a valid phone number");
        }
        String trimmed = raw.strip();
        if (defaultRegion == null && !trimmed.startsWith("+") && !trimmed.startsWith("00")) {
            throw invalid(field, "must be in international form (+ and country code): the tenant sets no default region");
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(trimmed.startsWith("00") ? "+" + trimmed.substring(2) : trimmed,
                    defaultRegion == null ? "ZZ" : defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                throw invalid(field, "is not a valid phone number");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw invalid(field, "is not a valid phone number");
        }
    }

    public static String requireKnownRegion(String field, String region) {
        String upper = region.toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(upper)) {
            throw invalid(field, "is not a known ISO 3166 region code");
        }
        return upper;
    }

    private static DomainRejection.InvalidInput invalid(String field, String reason) {
        return DomainRejection.InvalidInput.of(field, reason);
    }
}
