package org.consentplatform.adapter.out.mongo;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.Binary;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pseudonyms and envelope encryption of contact points (ADR 37), with Tink.
 * <ul>
 *   <li>Per tenant, in {@code tenant_keys}, wrapped by the {@link MasterKey}: an HMAC-SHA256 PRF
 *   that turns a contact point into its pseudonym, and a key-encryption key.</li>
 *   <li>Per person (a contact point), in {@code subject_keys}: an AES-256-GCM data key wrapped by
 *   the tenant's key-encryption key, and the address encrypted under it, once. Deleting that
 *   document shreds the address wherever its ciphertext was copied.</li>
 * </ul>
 * Pseudonyms cost no read once a tenant's keys are cached; only showing an address decrypts.
 */
public final class ContactPointKeys {

    private static final int PSEUDONYM_BYTES = 32;
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();
    /** Bounds a single {@code $in} read. */
    private static final int MAX_IN = 1000;

    private final MongoCollection<Document> tenantKeys;
    private final MongoCollection<Document> subjectKeys;
    private final MasterKey master;
    private final Clock clock;
    private final Map<String, TenantKeys> cache = new ConcurrentHashMap<>();

    public ContactPointKeys(MongoStore store, MasterKey master, Clock clock) {
        this.tenantKeys = store.collection(MongoStore.TENANT_KEYS);
        this.subjectKeys = store.collection(MongoStore.SUBJECT_KEYS);
        this.master = master;
        this.clock = clock;
    }

    private record TenantKeys(PrfSet prf, Aead keyEncryption) {
    }

    /** The contact point's pseudonym in this tenant: computed in memory, the withheld one's own. */
    public String pseudonym(TenantId tenant, ContactPoint contactPoint) {
        if (contactPoint.isWithheld()) {
            return contactPoint.pseudonym();
        }
        try {
            byte[] input = contactPoint.key().getBytes(StandardCharsets.UTF_8);
            return BASE64.encodeToString(keysOf(tenant).prf().computePrimary(input, PSEUDONYM_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the pseudonym key of tenant " + tenant + " cannot be used", e);
        }
    }

    /** The key as the store files it: its contact point by pseudonym. */
    RecordKey stored(TenantId tenant, RecordKey key) {
        return key.contactPoint().isWithheld() ? key : key.withheld(pseudonym(tenant, key.contactPoint()));
    }

    /** The contact point as stored: {@code channel||pseudonym}. */
    String stored(TenantId tenant, ContactPoint contactPoint) {
        return ContactPoint.withheld(contactPoint.channel(), pseudonym(tenant, contactPoint)).key();
    }

    /** The contact point's pseudonym and ciphertext, its data key made on first use. */
    public SealedAddress seal(TenantId tenant, ContactPoint contactPoint) {
        return sealAll(tenant, List.of(contactPoint)).get(contactPoint);
    }

    /**
     * Seals many contact points in one read, and one write for those seen for the first time. A
     * withheld contact point can only be sealed while its data key exists.
     */
    public Map<ContactPoint, SealedAddress> sealAll(TenantId tenant, Collection<ContactPoint> contactPoints) {
        Map<String, ContactPoint> byId = new LinkedHashMap<>();
        contactPoints.forEach(contactPoint -> byId.put(subjectId(tenant, pseudonym(tenant, contactPoint)), contactPoint));
        Map<ContactPoint, SealedAddress> sealed = new HashMap<>();
        for (Document doc : find(byId.keySet())) {
            ContactPoint contactPoint = byId.remove(doc.getString("_id"));
            sealed.put(contactPoint, new SealedAddress(pseudonym(tenant, contactPoint), doc.getString("address")));
        }
        var made = new ArrayList<Document>();
        byId.forEach((id, contactPoint) -> {
            if (contactPoint.isWithheld()) {
                throw new IllegalStateException("the data key of " + contactPoint + " does not exist: its address is gone");
            }
            made.add(newSubject(tenant, id, contactPoint));
        });
        for (Document doc : made) {
            // two writers making the same person's key: the first one's stays, the others read it
            Document kept = DuplicateKeys.firstToWrite(() -> subjectKeys.insertOne(doc)) ? doc
                    : subjectKeys.find(Filters.eq("_id", doc.getString("_id"))).first();
            ContactPoint contactPoint = byId.get(doc.getString("_id"));
            sealed.put(contactPoint, new SealedAddress(pseudonym(tenant, contactPoint), kept.getString("address")));
        }
        return sealed;
    }

    /**
     * The addresses of pseudonymous contact points, decrypted: one read per {@value #MAX_IN}.
     * One whose data key is gone (erased) stays withheld.
     */
    public Map<ContactPoint, ContactPoint> open(TenantId tenant, Collection<ContactPoint> withheld) {
        Map<String, ContactPoint> byId = new LinkedHashMap<>();
        withheld.forEach(contactPoint -> byId.put(subjectId(tenant, pseudonym(tenant, contactPoint)), contactPoint));
        Map<ContactPoint, ContactPoint> opened = new HashMap<>();
        for (Document doc : find(byId.keySet())) {
            ContactPoint contactPoint = byId.get(doc.getString("_id"));
            opened.put(contactPoint, new ContactPoint(contactPoint.channel(), decrypt(tenant, doc)));
        }
        withheld.forEach(contactPoint -> opened.putIfAbsent(contactPoint, contactPoint));
        return opened;
    }

    private List<Document> find(Collection<String> ids) {
        var found = new ArrayList<Document>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += MAX_IN) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + MAX_IN));
            subjectKeys.find(slice.size() == 1 ? Filters.eq("_id", slice.getFirst()) : Filters.in("_id", slice)).into(found);
        }
        return found;
    }

    private Document newSubject(TenantId tenant, String id, ContactPoint contactPoint) {
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] address = dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class)
                    .encrypt(contactPoint.address().getBytes(StandardCharsets.UTF_8), bytes(id));
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keysOf(tenant).keyEncryption(), bytes(id));
            return new Document("_id", id).append("tenant", tenant.value()).append("channel", contactPoint.channel().toString())
                    .append("key", new Binary(wrapped)).append("address", BASE64.encodeToString(address))
                    .append("createdAt", Date.from(clock.instant()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key cannot be made", e);
        }
    }

    private String decrypt(TenantId tenant, Document subject) {
        String id = subject.getString("_id");
        try {
            KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(subject.get("key", Binary.class).getData(),
                    keysOf(tenant).keyEncryption(), bytes(id));
            return new String(dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class)
                    .decrypt(UNBASE64.decode(subject.getString("address")), bytes(id)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the address filed under " + id + " cannot be decrypted", e);
        }
    }

    private TenantKeys keysOf(TenantId tenant) {
        return cache.computeIfAbsent(tenant.value(), this::loadOrCreate);
    }

    private TenantKeys loadOrCreate(String tenant) {
        Document stored = tenantKeys.find(Filters.eq("_id", tenant)).first();
        if (stored == null) {
            Document made = newTenantKeys(tenant);
            stored = DuplicateKeys.firstToWrite(() -> tenantKeys.insertOne(made)) ? made
                    : tenantKeys.find(Filters.eq("_id", tenant)).first();
        }
        try {
            Aead wrapping = master.aead();
            PrfSet prf = TinkProtoKeysetFormat.parseEncryptedKeyset(stored.get("prf", Binary.class).getData(), wrapping,
                    bytes(tenant + "|prf")).getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            Aead keyEncryption = TinkProtoKeysetFormat.parseEncryptedKeyset(stored.get("kek", Binary.class).getData(), wrapping,
                    bytes(tenant + "|kek")).getPrimitive(RegistryConfiguration.get(), Aead.class);
            return new TenantKeys(prf, keyEncryption);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keys of tenant " + tenant + " do not open with this master key", e);
        }
    }

    private Document newTenantKeys(String tenant) {
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

    private static String subjectId(TenantId tenant, String pseudonym) {
        return MongoStore.id(tenant.value(), pseudonym);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
