package org.consentplatform.adapter.in.rest.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.consentplatform.adapter.in.rest.shared.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Map;
import java.util.UUID;

/**
 * Signs consent receipts (RS256 JWS) with the service's receipt key and publishes its public
 * half. The key comes from a JWK file; where allowed (the embedded default) a missing file is
 * created on first use, so receipts stay verifiable across restarts.
 */
final class ReceiptSigner {

    static final JOSEObjectType TYPE = new JOSEObjectType("consent-receipt+jws");
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptSigner.class);

    private final Path file;
    private final boolean createIfMissing;
    private volatile RSAKey key;

    ReceiptSigner(Path file, boolean createIfMissing) {
        this.file = file;
        this.createIfMissing = createIfMissing;
        if (!createIfMissing && !Files.exists(file)) {
            throw new IllegalStateException("consent.receipts.jwk-file " + file.toAbsolutePath()
                    + " does not exist: give the service an RSA private JWK to sign consent receipts with; see docs/operations.md");
        }
    }

    String sign(Map<String, Object> claims) {
        RSAKey signing = key();
        try {
            var jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).type(TYPE).build(),
                    new Payload(claims));
            jws.sign(new RSASSASigner(signing));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a consent receipt", e);
        }
    }

    /** The public keys receipts are verified with. */
    Map<String, Object> publicKeys() {
        return new JWKSet(key().toPublicJWK()).toJSONObject(true);
    }

    private RSAKey key() {
        RSAKey loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    key = Files.exists(file) ? read() : create();
                }
                loaded = key;
            }
        }
        return loaded;
    }

    private RSAKey read() {
        try {
            return RSAKey.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not an RSA JWK", e);
        }
    }

    private RSAKey create() {
        try {
            RSAKey generated = new RSAKeyGenerator(2048).keyID("receipts-" + UUID.randomUUID()).generate();
            KeyFiles.writePrivate(file, generated.toJSONString());
            LOG.info("Created the consent receipt signing key {}", file.toAbsolutePath());
            return generated;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
