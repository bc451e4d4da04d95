package org.consentplatform.acceptance.support;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static {
        RECEIPT_KEY_FILE.toFile().deleteOnExit();
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

    private static Path write(RSAKey key) {
        try {
            Path file = Files.createTempFile("dev-issuer", ".jwk");
            file.toFile().deleteOnExit();
            Files.writeString(file, key.toJSONString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
