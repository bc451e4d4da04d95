package org.consentplatform.adapter.out.mongo;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The key that wraps every tenant's keys (ADR 37): a Tink AEAD keyset read from a file, a mounted
 * secret in production, made on first run in the embedded default. Losing it loses every address
 * and every pseudonym: it is backed up apart from the database.
 */
public final class MasterKey {

    static {
        try {
            AeadConfig.register(); // key generation still goes through Tink's registry
            PrfConfig.register();
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AEAD, PRF and streaming AEAD key managers are part of the library", e);
        }
    }

    private final Aead aead;

    private MasterKey(Aead aead) {
        this.aead = aead;
    }

    /**
     * @param createIfMissing make a new keyset at {@code file} when there is none (the embedded
     *                        default); otherwise a missing file stops the start
     */
    public static MasterKey fromKeysetFile(Path file, boolean createIfMissing) {
        try {
            if (!Files.exists(file)) {
                if (!createIfMissing) {
                    throw new IllegalStateException("the master keyset " + file.toAbsolutePath()
                            + " does not exist: mount it (see docs/operations.md, key management)");
                }
                create(file);
            }
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            return new MasterKey(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master keyset " + file.toAbsolutePath() + " is not a Tink AEAD keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the master keyset " + file.toAbsolutePath() + " cannot be read", e);
        }
    }

    /** A key held in memory only: tests. */
    public static MasterKey generated() {
        try {
            return new MasterKey(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Aead aead() {
        return aead;
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                InsecureSecretKeyAccess.get());
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        try {
            // CREATE_NEW: two instances starting together on one directory keep the first one's key
            Files.writeString(absolute, json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        if (absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
