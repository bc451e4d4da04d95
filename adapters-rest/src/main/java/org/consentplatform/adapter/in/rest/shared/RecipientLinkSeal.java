package org.consentplatform.adapter.in.rest.shared;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.preference.RecipientLink;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals recipient links into URL tokens and opens them again. A token is a JWE (dir,
 * A256GCM): authenticated, so a changed byte is refused, and encrypted, so the address it is
 * for appears nowhere in the URL. Keys come from a JWK set file of 256-bit octet keys: the
 * first seals, every key opens the tokens sealed with it (by {@code kid}), so a new key can be
 * put first without breaking the links already sent; an old key is dropped once its links
 * have expired.
 */
public final class RecipientLinkSeal {

    static final JOSEObjectType TYPE = new JOSEObjectType("recipient-link+jwe");
    private static final Logger LOG = LoggerFactory.getLogger(RecipientLinkSeal.class);
    private static final int MAX_TOKEN_LENGTH = 4096;

    /** What a presented token turned out to be. */
    public sealed interface Opened {
        record Valid(RecipientLink link, Instant expiresAt) implements Opened {
        }

        /** Authentic, but too old: nothing it names is read or changed. */
        record Expired(RecipientLink.Use use) implements Opened {
        }

        /** Not made by us, changed, truncated, or sealed with a key since dropped. */
        record Invalid() implements Opened {
        }
    }

    private final List<OctetSequenceKey> keys;
    private final Clock clock;

    RecipientLinkSeal(List<OctetSequenceKey> keys, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("the recipient link key set holds no key");
        }
        for (OctetSequenceKey key : keys) {
            if (key.getKeyID() == null || key.size() != 256) {
                throw new IllegalStateException("every recipient link key needs a kid and 256 bits; " + key.getKeyID() + " does not");
            }
        }
        this.keys = List.copyOf(keys);
        this.clock = clock;
    }

    /** Reads the key set from a JWK set file; where allowed (the embedded default) a missing file is created with one key. */
    static RecipientLinkSeal fromFile(Path file, boolean createIfMissing, Clock clock) {
        try {
            if (!Files.exists(file)) {
                if (!createIfMissing) {
                    throw new IllegalStateException("consent.links.jwk-file " + file.toAbsolutePath() + " does not exist: give the "
                            + "service a JWK set of 256-bit octet keys to seal recipient links with; see docs/operations.md");
                }
                create(file);
            }
            List<OctetSequenceKey> keys = JWKSet.parse(Files.readString(file)).getKeys().stream()
                    .map(RecipientLinkSeal::octet)
                    .toList();
            return new RecipientLinkSeal(keys, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK set", e);
        }
    }

    /** A new key for a key set, under a fresh kid. */
    static OctetSequenceKey newKey() {
        try {
            return new OctetSequenceKeyGenerator(256).keyID("links-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(RecipientLink link, Instant expiresAt) {
        OctetSequenceKey key = keys.getFirst();
        var claims = new JWTClaimsSet.Builder()
                .claim("use", link.use().name())
                .claim("ten", link.tenant().value())
                .claim("pro", link.profileId().value())
                .expirationTime(Date.from(expiresAt));
        if (link.contactPoint() != null) {
            claims.claim("chn", link.contactPoint().channel().toString()).claim("adr", link.contactPoint().address());
        }
        optional(claims, "con", link.contactId());
        optional(claims, "pur", link.purposeId());
        optional(claims, "top", link.topicId());
        var jwe = new EncryptedJWT(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(key.getKeyID()).type(TYPE).build(),
                claims.build());
        try {
            jwe.encrypt(new DirectEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot seal a recipient link", e);
        }
        return jwe.serialize();
    }

    /** Opens a token presented for a page; a token for another page is as good as none. */
    public Opened open(String token, RecipientLink.Use expectedUse) {
        try {
            if (token == null || token.length() > MAX_TOKEN_LENGTH) {
                return new Opened.Invalid();
            }
            EncryptedJWT jwe = EncryptedJWT.parse(token);
            JWEHeader header = jwe.getHeader();
            Optional<OctetSequenceKey> key = keys.stream().filter(k -> k.getKeyID().equals(header.getKeyID())).findFirst();
            if (key.isEmpty() || !JWEAlgorithm.DIR.equals(header.getAlgorithm()) || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
                    || header.getCompressionAlgorithm() != null || !TYPE.equals(header.getType()) || !canonical(jwe)) {
                return new Opened.Invalid();
            }
            jwe.decrypt(new DirectDecrypter(key.get()));
            JWTClaimsSet claims = jwe.getJWTClaimsSet();
            RecipientLink.Use use = RecipientLink.Use.valueOf(claims.getStringClaim("use"));
            if (use != expectedUse) {
                return new Opened.Invalid();
            }
            Instant expiresAt = claims.getExpirationTime().toInstant();
            if (!clock.instant().isBefore(expiresAt)) {
                return new Opened.Expired(use);
            }
            String channel = claims.getStringClaim("chn");
            ContactPoint contactPoint = channel == null ? null
                    : new ContactPoint(new Channel(new TechnicalId(channel)), Objects.requireNonNull(claims.getStringClaim("adr")));
            return new Opened.Valid(new RecipientLink(use, new TenantId(claims.getStringClaim("ten")),
                    new TechnicalId(claims.getStringClaim("pro")), contactPoint, id(claims, "con"), id(claims, "pur"), id(claims, "top")),
                    expiresAt);
        } catch (ParseException | JOSEException | RuntimeException e) {
            LOG.debug("refused a recipient link token", e);
            return new Opened.Invalid();
        }
    }

    /**
     * Base64url has several spellings of the same bytes in a part's last character; only the
     * canonical one is accepted, so that every changed character of a token is refused.
     */
    private static boolean canonical(EncryptedJWT jwe) {
        for (Base64URL part : jwe.getParsedParts()) {
            if (part != null && !Base64URL.encode(part.decode()).toString().equals(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static void optional(JWTClaimsSet.Builder claims, String name, TechnicalId id) {
        if (id != null) {
            claims.claim(name, id.value());
        }
    }

    private static TechnicalId id(JWTClaimsSet claims, String name) throws ParseException {
        String value = claims.getStringClaim(name);
        return value == null ? null : new TechnicalId(value);
    }

    private static OctetSequenceKey octet(JWK key) {
        if (key instanceof OctetSequenceKey octet) {
            return octet;
        }
        throw new IllegalStateException("recipient link keys are octet keys (kty oct); " + key.getKeyID() + " is " + key.getKeyType());
    }

    private static void create(Path file) throws IOException {
        KeyFiles.writePrivate(file, new JWKSet(newKey()).toString(false));
        LOG.info("Created the recipient link key set {}", file.toAbsolutePath());
    }
}
