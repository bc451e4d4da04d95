package org.consentplatform.adapter.out.mongo;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.consentplatform.application.port.KeyringStatus;
import org.consentplatform.application.port.out.TenantKeys;
import org.consentplatform.domain.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's keys (ADR 37), in {@code tenant_keys}, wrapped by the {@link MasterKey}: an
 * HMAC-SHA256 PRF that turns contact points into pseudonyms, and a key-encryption key (KEK) that
 * wraps every data key of the tenant. Unwrapped keys are cached; a KEK rotated by another
 * instance is read again the first time one of its new data keys does not open.
 * <p>
 * The KEK is a Tink keyset: rotating it adds a new primary key and keeps the old ones for
 * unwrapping, so nothing is rewritten and nothing stops (ADR 40). The PRF is never rotated in
 * place: a new one would change every pseudonym.
 */
public final class TenantKeyring implements TenantKeys {

    /** The keys of no tenant: the lookup PRF that finds double opt-in requests by address across tenants. */
    static final String PLATFORM = "~platform";

    private final MongoCollection<Document> tenantKeys;
    private final MasterKey master;
    private final Clock clock;
    private final Map<String, Keys> cache = new ConcurrentHashMap<>();

    public TenantKeyring(MongoStore store, MasterKey master, Clock clock) {
        this.tenantKeys = store.collection(MongoStore.TENANT_KEYS);
        this.master = master;
        this.clock = clock;
    }

    /** One tenant's keys as the cache holds them; {@code version} counts KEK rotations. */
    record Keys(PrfSet prf, Aead keyEncryption, Aead envelope, long version, int primaryKeyId, int kekKeys, Instant rotatedAt) {
    }

    Keys of(TenantId tenant) {
        return of(tenant.value());
    }

    Keys of(String tenant) {
        return cache.computeIfAbsent(tenant, this::loadOrCreate);
    }

    /** Forgets the cached keys: another instance rotated the KEK, say. @return the keys as stored now */
    Keys reload(String tenant) {
        cache.remove(tenant);
        return of(tenant);
    }

    /** A pseudorandom function of the text under the tenant's PRF key. */
    byte[] prf(String tenant, byte[] input, int bytes) {
        try {
            return of(tenant).prf().computePrimary(input, bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the pseudonym key of tenant " + tenant + " cannot be used", e);
        }
    }

    /**
     * Envelope encryption under the tenant's KEK, for data that names people but belongs to no one
     * data key (stored answers of idempotent requests): a fresh AES-256-GCM key per message, wrapped
     * by the KEK and stored with it.
     */
    byte[] seal(TenantId tenant, byte[] plaintext, String context) {
        try {
            return of(tenant).envelope().encrypt(plaintext, bytes(context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tenant " + tenant + " cannot encrypt", e);
        }
    }

    /** @throws GeneralSecurityException when it does not open (another key, another context, altered) */
    byte[] open(TenantId tenant, byte[] ciphertext, String context) throws GeneralSecurityException {
        try {
            return of(tenant).envelope().decrypt(ciphertext, bytes(context));
        } catch (GeneralSecurityException e) {
            return reload(tenant.value()).envelope().decrypt(ciphertext, bytes(context)); // a KEK rotated elsewhere
        }
    }

    /** A data key, wrapped by the tenant's KEK with its owner's id as associated data. */
    byte[] wrap(String tenant, KeysetHandle dataKey, String owner) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, of(tenant).keyEncryption(), bytes(owner));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key of tenant " + tenant + " cannot be wrapped", e);
        }
    }

    /** @throws GeneralSecurityException when it does not unwrap under any of the tenant's KEKs */
    KeysetHandle unwrap(String tenant, byte[] wrapped, String owner) throws GeneralSecurityException {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, of(tenant).keyEncryption(), bytes(owner));
        } catch (GeneralSecurityException e) {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, reload(tenant).keyEncryption(), bytes(owner));
        }
    }

    /**
     * Rotates the tenant's KEK: a new primary key wraps every data key made from now on; the old
     * keys stay in the keyset and keep unwrapping the data keys they wrapped. Two rotations racing
     * make one of them fail on the version and try again.
     */
    @Override
    public KeyringStatus rotate(TenantId tenant) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Document stored = stored(tenant.value());
            long version = stored.get("version", 0L);
            try {
                Aead wrapping = master.aead();
                KeysetHandle kek = TinkProtoKeysetFormat.parseEncryptedKeyset(stored.get("kek", Binary.class).getData(), wrapping,
                        bytes(tenant.value() + "|kek"));
                KeysetHandle rotated = KeysetHandle.newBuilder(kek)
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                        .build();
                byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(rotated, wrapping, bytes(tenant.value() + "|kek"));
                Date now = Date.from(clock.instant());
                boolean written = tenantKeys.updateOne(Filters.and(Filters.eq("_id", tenant.value()), version == 0
                                ? Filters.exists("version", false) : Filters.eq("version", version)),
                        Updates.combine(Updates.set("kek", new Binary(wrapped)), Updates.set("version", version + 1),
                                Updates.set("rotatedAt", now))).getModifiedCount() == 1;
                if (written) {
                    return status(reload(tenant.value()));
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the keys of tenant " + tenant + " do not open with this master key", e);
            }
        }
        throw new IllegalStateException("the keys of tenant " + tenant + " are being rotated by someone else: retry");
    }

    @Override
    public KeyringStatus status(TenantId tenant) {
        return status(reload(tenant.value()));
    }

    private static KeyringStatus status(Keys keys) {
        return new KeyringStatus(Integer.toUnsignedLong(keys.primaryKeyId()), keys.kekKeys(), keys.version(), keys.rotatedAt());
    }

    private Keys loadOrCreate(String tenant) {
        Document stored = stored(tenant);
        try {
            Aead wrapping = master.aead();
            PrfSet prf = TinkProtoKeysetFormat.parseEncryptedKeyset(stored.get("prf", Binary.class).getData(), wrapping,
                    bytes(tenant + "|prf")).getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            KeysetHandle kek = TinkProtoKeysetFormat.parseEncryptedKeyset(stored.get("kek", Binary.class).getData(), wrapping,
                    bytes(tenant + "|kek"));
            Aead keyEncryption = kek.getPrimitive(RegistryConfiguration.get(), Aead.class);
            Date rotatedAt = stored.getDate("rotatedAt");
            return new Keys(prf, keyEncryption, KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, keyEncryption),
                    stored.get("version", 0L), kek.getPrimary().getId(), kek.size(), rotatedAt == null ? null : rotatedAt.toInstant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keys of tenant " + tenant + " do not open with this master key", e);
        }
    }

    private Document stored(String tenant) {
        Document stored = tenantKeys.find(Filters.eq("_id", tenant)).first();
        if (stored == null) {
            Document made = newKeys(tenant);
            stored = DuplicateKeys.firstToWrite(() -> tenantKeys.insertOne(made)) ? made
                    : tenantKeys.find(Filters.eq("_id", tenant)).first();
        }
        return stored;
    }

    private Document newKeys(String tenant) {
        try {
            Aead wrapping = master.aead();
            return new Document("_id", tenant)
                    .append("prf", new Binary(TinkProtoKeysetFormat.serializeEncryptedKeyset(
                            KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), wrapping, bytes(tenant + "|prf"))))
                    .append("kek", new Binary(TinkProtoKeysetFormat.serializeEncryptedKeyset(
                            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), wrapping, bytes(tenant + "|kek"))))
                    .append("createdAt", Date.from(clock.instant()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keys of tenant " + tenant + " cannot be made", e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
