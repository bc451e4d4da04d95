package org.consentplatform.domain.profile;

import org.consentplatform.domain.contactpoint.PhoneNumbers;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One of the tenant's sending numbers, bound to a profile: a long number in E.164 or a short
 * code of 3 to 8 digits, and the language its senders text in (which keywords it reads, which
 * language its replies speak).
 */
public record SmsNumber(String number, String language) {

    private static final Pattern SHORT_CODE = Pattern.compile("\\d{3,8}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public SmsNumber {
        number = number(number);
        language = language(language);
    }

    /** A number as a provider or a user writes it: short codes as digits, long numbers in E.164. */
    public static String number(String raw) {
        String text = InvalidInputs.requiredText("sms.number", raw, 32).strip();
        return SHORT_CODE.matcher(text).matches() ? text : PhoneNumbers.toE164("sms.number", text, null);
    }

    /** An ISO 639 language code, lower case. */
    public static String language(String raw) {
        String text = InvalidInputs.requiredText("sms.language", raw, 3).strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(text).matches()) {
            throw DomainRejection.InvalidInput.of("sms.language", "must be an ISO 639 language code such as en, fr or pl");
        }
        return text;
    }
}
