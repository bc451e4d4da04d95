package org.consentplatform.domain.doubleoptin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a confirmation link: 256 random bits, URL-safe. Only its SHA-256 is stored,
 * so whoever reads the database cannot confirm anything.
 *
 * @param raw  what the link carries; never stored
 * @param hash what is stored and looked up
 */
public record ConfirmationToken(String raw, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static ConfirmationToken issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new ConfirmationToken(raw, hashOf(raw));
    }

    /** The hash a presented token is looked up by; anything that is not a token of ours hashes to nothing stored. */
    public static String hashOf(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether a presented value has the shape of a token at all (43 URL-safe characters). */
    public static boolean wellFormed(String raw) {
        return raw != null && raw.length() == 43 && raw.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    @Override
    public String toString() {
        return "ConfirmationToken[hash=" + hash + "]";
    }
}
