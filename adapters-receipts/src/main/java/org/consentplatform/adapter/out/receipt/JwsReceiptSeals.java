package org.consentplatform.adapter.out.receipt;

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
import org.consentplatform.application.port.out.ReceiptSeals;
import org.consentplatform.domain.receipt.ConsentReceipt;
import org.consentplatform.domain.receipt.SealedReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs consent receipts (RS256 JWS, Kantara consent receipt field names where they exist, ISO/IEC
 * TS 27560 terms otherwise) with the service's receipt key, and publishes its public half. The key
 * comes from a JWK file; where allowed (the embedded default) a missing file is created on first
 * use, so receipts stay verifiable across restarts. The API and the console hand out the same.
 */
public final class JwsReceiptSeals implements ReceiptSeals {

    static final JOSEObjectType TYPE = new JOSEObjectType("consent-receipt+jws");
    private static final Logger LOG = LoggerFactory.getLogger(JwsReceiptSeals.class);

    private final Path file;
    private final boolean createIfMissing;
    private volatile RSAKey key;

    public JwsReceiptSeals(Path file, boolean createIfMissing) {
        this.file = file;
        this.createIfMissing = createIfMissing;
        if (!createIfMissing && !Files.exists(file)) {
            throw new IllegalStateException("consent.receipts.jwk-file " + file.toAbsolutePath()
                    + " does not exist: give the service an RSA private JWK to sign consent receipts with; see docs/operations.md");
        }
    }

    @Override
    public SealedReceipt seal(ConsentReceipt receipt) {
        Map<String, Object> claims = claims(receipt);
        RSAKey signing = key();
        try {
            var jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).type(TYPE).build(),
                    new Payload(claims));
            jws.sign(new RSASSASigner(signing));
            return new SealedReceipt(receipt, jws.serialize(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a consent receipt", e);
        }
    }

    @Override
    public Map<String, Object> publicKeys() {
        return new JWKSet(key().toPublicJWK()).toJSONObject(true);
    }

    /** The receipt's claims: Kantara consent receipt field names where they exist, ISO 27560 terms otherwise. */
    static Map<String, Object> claims(ConsentReceipt receipt) {
        var purpose = new LinkedHashMap<String, Object>();
        purpose.put("purpose", receipt.purpose().id().value());
        purpose.put("purposeName", receipt.purpose().name());
        purpose.put("purposeCategory", receipt.purpose().type().name());
        purpose.put("legalBasis", receipt.purpose().legalBasis().name());
        purpose.put("topic", receipt.record().topicId() == null ? null : receipt.record().topicId().value());
        purpose.put("consentType", "EXPLICIT");
        purpose.put("piiCategory", List.of(receipt.record().contactPoint().channel().toString()));
        purpose.put("thirdPartyDisclosure", receipt.purpose().partner() != null);
        if (receipt.purpose().partner() != null) {
            purpose.put("thirdPartyName", receipt.purpose().partner());
        }

        var controller = new LinkedHashMap<String, Object>();
        controller.put("piiController", receipt.controllerName());
        controller.put("address", receipt.controllerAddress());
        controller.put("tenant", receipt.tenant().value());

        var claims = new LinkedHashMap<String, Object>();
        claims.put("version", "KI-CR-v1.1.0");
        claims.put("consentReceiptID", receipt.receiptId());
        claims.put("iat", receipt.issuedAt().getEpochSecond());
        claims.put("language", "en");
        claims.put("piiPrincipalId", receipt.record().contactPoint().key());
        claims.put("piiControllers", List.of(controller));
        claims.put("services", List.of(Map.of("service", receipt.record().profileId().value(), "purposes", List.of(purpose))));
        claims.put("state", receipt.state().name());
        claims.put("consentTimestamp", receipt.capturedAt().getEpochSecond());
        claims.put("collectionMethod", receipt.source().name());
        claims.put("wordingVersion", receipt.evidence().wordingVersion());
        if (receipt.evidence().notice() != null) { // §15: the notice version agreed to, and the hash of its words
            claims.put("notice", receipt.evidence().notice());
            claims.put("noticeHash", receipt.evidence().noticeHash());
        }
        claims.put("sensitive", false);
        claims.put("changeId", receipt.changeId());
        claims.put("changeSeq", receipt.seq());
        claims.put("changeHash", receipt.changeHash());
        return claims;
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
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, generated.toJSONString());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // a private key: its owner only
            } catch (UnsupportedOperationException e) {
                LOG.debug("no POSIX permissions on this file system", e);
            }
            LOG.info("Created the consent receipt signing key {}", file.toAbsolutePath());
            return generated;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
