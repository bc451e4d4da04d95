package org.consentplatform.acceptance.support;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

/**
 * The dev issuer's signing key for the test run, written to a file the service reads, so
 * tests can mint tokens that are validly signed yet wrong in one respect (expired, other
 * issuer, other audience). A second key stands for a forger's.
 */
public final class TestKeys {

    public static final RSAKey ISSUER = generate("issuer");
    public static final RSAKey FORGER = generate("forger");
    public static final Path ISSUER_FILE = write(ISSUER);
    /** Where the service creates its receipt key on first use (a fresh path per run). */
    public static final Path RECEIPT_KEY_FILE = ISSUER_FILE.resolveSibling(ISSUER_FILE.getFileName() + "-receipts.jwk");
    /** Where the service creates its master keyset on first use; every instance of a run shares it, as they share the store. */
    public static final Path MASTER_KEYSET_FILE = ISSUER_FILE.resolveSibling(ISSUER_FILE.getFileName() + "-master-keyset.json");

    /** The key recipient links are sealed with, known to tests so that they can seal links the service would not (expired ones). */
    public static final OctetSequenceKey LINKS = linkKey();
    public static final Path LINK_KEYS_FILE = write(new JWKSet(LINKS).toString(false));

    static {
        RECEIPT_KEY_FILE.toFile().deleteOnExit();
        MASTER_KEYSET_FILE.toFile().deleteOnExit();
    }

    private TestKeys() {
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A preference link for an address as the service seals them, expired a second ago. */
    public static String expiredPreferenceToken(String tenant, String profile, String address) {
        var claims = new JWTClaimsSet.Builder().claim("use", "PREFERENCES").claim("ten", tenant).claim("pro", profile)
                .claim("chn", "EMAIL").claim("adr", address).expirationTime(Date.from(Instant.now().minusSeconds(1))).build();
        var jwe = new EncryptedJWT(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(LINKS.getKeyID())
                .type(new JOSEObjectType("recipient-link+jwe")).build(), claims);
        try {
            jwe.encrypt(new DirectEncrypter(LINKS));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwe.serialize();
    }

    private static OctetSequenceKey linkKey() {
        try {
            return new OctetSequenceKeyGenerator(256).keyID("test-links").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(RSAKey key) {
        return write(key.toJSONString());
    }

    private static Path write(String json) {
        try {
            Path file = Files.createTempFile("dev-issuer", ".jwk");
            file.toFile().deleteOnExit();
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
