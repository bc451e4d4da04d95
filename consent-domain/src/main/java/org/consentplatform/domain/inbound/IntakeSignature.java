package org.consentplatform.domain.inbound;

import org.consentplatform.domain.shared.DomainRejection;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a provider that cannot write to Kafka signs what it posts to the HTTP intake: the header
 * {@code Consent-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC keyed by the tenant's
 * signing secret and computed over {@code <t>.<body>}. Binding the time into the MAC bounds a
 * replay to the window; within it, event ids make a replay harmless (each is applied once).
 * Several {@code v1} values may be sent while a provider moves to a new secret.
 */
public record IntakeSignature(long timestamp, List<String> signatures) {

    /** How far a signature's time may be from ours, either way (clock skew and retries included). */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Pattern TIME = Pattern.compile("t=(\\d{1,12})");
    private static final Pattern V1 = Pattern.compile("v1=([0-9a-fA-F]{64})");
    /** Schemes this version does not know are skipped, so a sender may add a newer one beside v1. */
    private static final Pattern OTHER = Pattern.compile("v[0-9]{1,3}=[^,]{0,256}");

    public enum Verdict {
        VALID,
        /** No signature matches any of the tenant's secrets: another secret, or an altered body. */
        BAD_SIGNATURE,
        /** The signature is older (or newer) than the window: a replay, or a sender's clock far off. */
        OUTSIDE_WINDOW
    }

    public IntakeSignature {
        signatures = List.copyOf(signatures);
    }

    /** Reads the header; a missing or malformed one is invalid input. */
    public static IntakeSignature parse(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            throw DomainRejection.InvalidInput.of("Consent-Signature", "is required: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>");
        }
        Long timestamp = null;
        var signatures = new ArrayList<String>();
        for (String raw : header.split(",")) {
            String part = raw.strip();
            var time = TIME.matcher(part);
            var v1 = V1.matcher(part);
            if (time.matches() && timestamp == null) {
                timestamp = Long.parseLong(time.group(1));
            } else if (v1.matches()) {
                signatures.add(v1.group(1).toLowerCase(Locale.ROOT));
            } else if (!OTHER.matcher(part).matches()) {
                throw DomainRejection.InvalidInput.of("Consent-Signature", "must read t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>");
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw DomainRejection.InvalidInput.of("Consent-Signature", "needs both t= and at least one v1=");
        }
        return new IntakeSignature(timestamp, signatures);
    }

    /** The header a sender writes for this body at this time: what providers (and tests) compute. */
    public static String sign(String secret, Instant at, byte[] body) {
        return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac(secret, at.getEpochSecond(), body));
    }

    /**
     * @param secrets the tenant's secrets in force (the current one, and the previous one while it is honoured)
     */
    public Verdict verify(byte[] body, List<String> secrets, Instant now) {
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (Duration.between(signedAt, now).abs().compareTo(WINDOW) > 0) {
            return Verdict.OUTSIDE_WINDOW;
        }
        for (String secret : secrets) {
            byte[] expected = mac(secret, timestamp, body);
            for (String signature : signatures) {
                if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))) { // constant time
                    return Verdict.VALID;
                }
            }
        }
        return Verdict.BAD_SIGNATURE;
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
