package org.consentplatform.domain.profile;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One version of a notice (domain rules §15): its text per language, from when it is in effect,
 * and whether it changes the substance of what people agreed to ({@code material}).
 *
 * @param version a label of the tenant's, such as {@code 2026-12} or {@code 3}
 */
public record NoticeVersion(String version, Instant effectiveAt, boolean material, Map<String, String> texts) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public NoticeVersion {
        version = InvalidInputs.requiredText("notices.versions.version", version, 32);
        if (!LABEL.matcher(version).matches()) {
            throw DomainRejection.InvalidInput.of("notices.versions.version", "must be 1 to 32 letters, digits, '.', '_' or '-'");
        }
        InvalidInputs.requireNonNull("notices.versions.effectiveAt", effectiveAt);
        if (texts == null || texts.isEmpty()) {
            throw DomainRejection.InvalidInput.of("notices.versions.texts", "needs the text in at least one language");
        }
        var sorted = new TreeMap<String, String>();
        texts.forEach((language, text) -> {
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                throw DomainRejection.InvalidInput.of("notices.versions.texts", "'" + language + "' is not an ISO 639 language code");
            }
            sorted.put(language, InvalidInputs.requiredText("notices.versions.texts." + language, text, 20_000));
        });
        texts = Collections.unmodifiableMap(sorted);
    }

    /**
     * SHA-256 of the texts, languages in order, each length-prefixed: what a change and a receipt
     * carry, so that the words agreed to can be proven even if someone edits the profile's copy.
     */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            texts.forEach((language, text) -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                digest.update((language + ":" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The text in the language asked for, else in English, else in the first language it has. */
    public String text(String language) {
        return texts.getOrDefault(language, texts.getOrDefault("en", texts.values().iterator().next()));
    }

    public boolean inEffectAt(Instant moment) {
        return !effectiveAt.isAfter(moment);
    }
}
