package org.consentplatform.domain.contactpoint;

import org.consentplatform.domain.shared.DomainRejection;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email normalisation: trimmed, domain lower-cased (and converted to its ASCII form), the
 * local part lower-cased too when the tenant says so. Only the dot-atom form is accepted:
 * quoted local parts and '|' are refused because no marketing sender delivers to them and
 * they would make keys ambiguous.
 */
public final class EmailAddresses {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private EmailAddresses() {
    }

    public static String normalise(String field, String raw, boolean lowercaseWhole) {
        if (raw == null || raw.isBlank()) {
            throw DomainRejection.InvalidInput.of(field, "is required");
        }
        String trimmed = raw.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.indexOf('@') != at) {
            throw invalid(field);
        }
        String local = trimmed.substring(0, at);
        String domain = asciiDomain(field, trimmed.substring(at + 1));
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw invalid(field);
        }
        String address = (lowercaseWhole ? local.toLowerCase(Locale.ROOT) : local) + "@" + domain;
        if (address.length() > 254) {
            throw invalid(field);
        }
        return address;
    }

    private static String asciiDomain(String field, String domain) {
        String ascii;
        try {
            // IDN conversion is costly and only needed for internationalised domains
            ascii = (domain.chars().allMatch(c -> c < 0x80) ? domain : IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES))
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) {
            throw invalid(field);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(field);
            }
        }
        return ascii;
    }

    private static DomainRejection.InvalidInput invalid(String field) {
        return DomainRejection.InvalidInput.of(field, "is not a valid email address");
    }
}
