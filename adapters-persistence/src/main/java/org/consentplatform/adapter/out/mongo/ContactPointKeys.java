package org.consentplatform.adapter.out.mongo;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Pseudonyms and envelope encryption of contact points (ADR 37), with Tink.
 * <p>
 * A contact point's <em>pseudonym</em> is the tenant's PRF of {@code channel|address}: computed
 * in memory, it is how every collection files the contact point. Beside its records in
 * {@code consent_records}, under {@code tenant|pseudonym}, each contact point has one
 * <em>subject</em> document: its AES-256-GCM data key wrapped by the tenant's KEK, with its
 * address encrypted once under that key, and its minor flag if it has one (§12); or, once
 * erased, the suppression that replaced them all (ADR 39). Erasing is one write of that
 * document: every ciphertext of the address anywhere stops decrypting, and a capture racing with
 * it cannot make a new key behind its back. Living beside the records, the subject is read in
 * the same round trip as they are: a decision reads records, erasure and minor flag at once.
 * <p>
 * An address is decrypted from the ciphertext an entry carries, under the data key its contact
 * point has now: ciphertexts made under a key that was destroyed stay closed for good, even
 * after the person gives the address again (a new key).
 */
public final class ContactPointKeys {

    private static final int PSEUDONYM_BYTES = 32;
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();
    /** Bounds a single {@code $in} read. */
    private static final int MAX_IN = 1000;
    /** Fields of a subject document; records have none of them. */
    static final String DATA_KEY = "dataKey";
    static final String ADDRESS = "address";
    static final String SUPPRESSED = "suppressed";
    static final String MINOR = "minor";
    /** What a decision reads of a subject: not the key material. */
    static final Document WITHOUT_KEY_MATERIAL = new Document(DATA_KEY, 0).append(ADDRESS, 0);

    private final MongoCollection<Document> subjects;
    private final TenantKeyring keyring;
    private final Clock clock;

    public ContactPointKeys(MongoStore store, TenantKeyring keyring, Clock clock) {
        this.subjects = store.collection(MongoStore.RECORDS);
        this.keyring = keyring;
        this.clock = clock;
    }

    public TenantKeyring keyring() {
        return keyring;
    }

    /** The contact point's pseudonym in this tenant: computed in memory, the withheld one's own. */
    public String pseudonym(TenantId tenant, ContactPoint contactPoint) {
        if (contactPoint.isWithheld()) {
            return contactPoint.pseudonym();
        }
        return BASE64.encodeToString(keyring.prf(tenant.value(), contactPoint.key().getBytes(StandardCharsets.UTF_8), PSEUDONYM_BYTES));
    }

    /** The key as the store files it: its contact point by pseudonym. */
    RecordKey stored(TenantId tenant, RecordKey key) {
        return key.contactPoint().isWithheld() ? key : key.withheld(pseudonym(tenant, key.contactPoint()));
    }

    /** The contact point as stored: {@code channel||pseudonym}. */
    String stored(TenantId tenant, ContactPoint contactPoint) {
        return ContactPoint.withheld(contactPoint.channel(), pseudonym(tenant, contactPoint)).key();
    }

    /** The {@code _id} of the contact point's subject document. */
    String subjectId(TenantId tenant, ContactPoint contactPoint) {
        return subjectId(tenant, pseudonym(tenant, contactPoint));
    }

    static String subjectId(TenantId tenant, String pseudonym) {
        return MongoStore.id(tenant.value(), pseudonym);
    }

    /**
     * The pseudonym an id ends with: a subject's ({@code tenant|pseudonym}), a stored contact
     * point ({@code channel||pseudonym}) or a minor flag's of old ({@code tenant|channel||pseudonym});
     * a pseudonym, base64url, holds no '|'.
     */
    static String pseudonymAtEndOf(String id) {
        return id.substring(id.lastIndexOf('|') + 1);
    }

    /** Whether a document of {@code consent_records} is a subject rather than a record. */
    static boolean isSubject(Document doc) {
        return !doc.containsKey("key");
    }

    /** The suppression a subject document holds, null when its contact point is not erased. */
    static Suppression suppression(Document subject) {
        Document suppressed = subject == null ? null : subject.get(SUPPRESSED, Document.class);
        return suppressed == null ? null : new Suppression(suppressed.getString("requestId"),
                suppressed.getDate("erasedAt").toInstant(), suppressed.getString("legalReference"));
    }

    /** The minor flag a subject document holds (§12), null when it has none. */
    static MinorFlag minorFlag(ContactPoint contactPoint, Document subject) {
        Document minor = subject == null ? null : subject.get(MINOR, Document.class);
        if (minor == null) {
            return null;
        }
        String birthDate = minor.getString("birthDate");
        return new MinorFlag(contactPoint, birthDate == null ? null : LocalDate.parse(birthDate));
    }

    /**
     * The sealed address new entries of the contact point carry, given its subject document as
     * read (null: none yet): under its data key, made now when it has none, unless it was erased
     * or only its pseudonym is known; then without an address.
     */
    SealedAddress sealFor(TenantId tenant, ContactPoint contactPoint, Document subject) {
        var subjects = new HashMap<ContactPoint, Document>();
        subjects.put(contactPoint, subject);
        return sealFor(tenant, subjects).get(contactPoint);
    }

    /**
     * {@link #sealFor(TenantId, ContactPoint, Document)} for many contact points: the data keys
     * missing are made in one unordered bulk of upserts (one round trip however many), and the
     * few another writer or an erasure got to first are read back in one more.
     */
    Map<ContactPoint, SealedAddress> sealFor(TenantId tenant, Map<ContactPoint, Document> subjectsAsRead) {
        Map<ContactPoint, SealedAddress> sealed = new HashMap<>();
        List<ContactPoint> making = new ArrayList<>();
        List<Document> made = new ArrayList<>();
        subjectsAsRead.forEach((contactPoint, subject) -> {
            String pseudonym = pseudonym(tenant, contactPoint);
            if (subject != null && subject.containsKey(DATA_KEY)) {
                sealed.put(contactPoint, new SealedAddress(pseudonym, subject.getString(ADDRESS)));
            } else if (contactPoint.isWithheld() || suppression(subject) != null) {
                sealed.put(contactPoint, SealedAddress.withoutAddress(pseudonym));
            } else {
                making.add(contactPoint);
                made.add(newSubject(tenant, contactPoint));
            }
        });
        if (made.isEmpty()) {
            return sealed;
        }
        // on a subject with neither key nor suppression (a minor flag alone), or none: an erasure
        // filed meanwhile makes the filter miss and the upsert collide, and its suppression stands
        var upserts = new ArrayList<UpdateOneModel<Document>>(made.size());
        for (Document subject : made) {
            upserts.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", subject.getString("_id")), Filters.exists(DATA_KEY, false), Filters.exists(SUPPRESSED, false)),
                    Updates.combine(Updates.set("channel", subject.getString("channel")), Updates.set(DATA_KEY, subject.get(DATA_KEY)),
                            Updates.set(ADDRESS, subject.getString(ADDRESS)), Updates.set("createdAt", subject.getDate("createdAt"))),
                    new UpdateOptions().upsert(true)));
        }
        Set<Integer> collided = DuplicateKeys.refused(() -> subjects.bulkWrite(upserts, new BulkWriteOptions().ordered(false)));
        List<String> theirs = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            if (collided.contains(i)) {
                theirs.add(made.get(i).getString("_id"));
            } else {
                sealed.put(making.get(i), new SealedAddress(pseudonym(tenant, making.get(i)), made.get(i).getString(ADDRESS)));
            }
        }
        // another writer made a key first, or an erasure filed its suppression: theirs stands
        Map<String, Document> kept = theirs.isEmpty() ? Map.of() : byIds(theirs, null);
        for (int i : collided) {
            Document subject = kept.get(made.get(i).getString("_id"));
            String pseudonym = pseudonym(tenant, making.get(i));
            sealed.put(making.get(i), subject != null && subject.containsKey(DATA_KEY)
                    ? new SealedAddress(pseudonym, subject.getString(ADDRESS)) : SealedAddress.withoutAddress(pseudonym));
        }
        return sealed;
    }

    /** The contact point's sealed address, its data key made on first use. */
    public SealedAddress seal(TenantId tenant, ContactPoint contactPoint) {
        return sealAll(tenant, List.of(contactPoint)).get(contactPoint);
    }

    /** Seals many contact points in one read, and one bulk write for those seen for the first time. */
    public Map<ContactPoint, SealedAddress> sealAll(TenantId tenant, Collection<ContactPoint> contactPoints) {
        Map<String, ContactPoint> byId = new LinkedHashMap<>();
        contactPoints.forEach(contactPoint -> byId.put(subjectId(tenant, contactPoint), contactPoint));
        Map<String, Document> found = byIds(byId.keySet(), null);
        var subjects = new HashMap<ContactPoint, Document>();
        byId.forEach((id, contactPoint) -> subjects.put(contactPoint, found.get(id)));
        return sealFor(tenant, subjects);
    }

    /**
     * The addresses these sealed contact points hold, decrypted under their contact points' data
     * keys (one read per {@value #MAX_IN}); one whose key is gone, or was made after its
     * ciphertext, is left out.
     */
    public Map<SealedAddress, String> addresses(TenantId tenant, Collection<SealedAddress> sealed) {
        Map<String, List<SealedAddress>> byId = new LinkedHashMap<>();
        sealed.stream().filter(SealedAddress::holdsAddress).distinct()
                .forEach(s -> byId.computeIfAbsent(subjectId(tenant, s.pseudonym()), id -> new ArrayList<>()).add(s));
        Map<SealedAddress, String> opened = new HashMap<>();
        byIds(byId.keySet(), null).forEach((id, subject) -> {
            Aead dataKey = dataKey(tenant, subject);
            if (dataKey != null) {
                for (SealedAddress s : byId.get(id)) {
                    String address = decrypt(dataKey, s.ciphertext(), id);
                    if (address != null) {
                        opened.put(s, address);
                    }
                }
            }
        });
        return opened;
    }

    /**
     * The addresses of contact points known by pseudonym alone, under their current data keys;
     * one whose key is gone (erased) stays withheld.
     */
    public Map<ContactPoint, ContactPoint> open(TenantId tenant, Collection<ContactPoint> withheld) {
        Map<String, ContactPoint> byId = new LinkedHashMap<>();
        withheld.forEach(contactPoint -> byId.put(subjectId(tenant, contactPoint), contactPoint));
        Map<ContactPoint, ContactPoint> opened = new HashMap<>();
        byIds(byId.keySet(), null).forEach((id, subject) -> {
            ContactPoint contactPoint = byId.get(id);
            Aead dataKey = dataKey(tenant, subject);
            String address = dataKey == null ? null : decrypt(dataKey, subject.getString(ADDRESS), id);
            if (address != null) {
                opened.put(contactPoint, new ContactPoint(contactPoint.channel(), address));
            }
        });
        withheld.forEach(contactPoint -> opened.putIfAbsent(contactPoint, contactPoint));
        return opened;
    }

    /** The suppressions of those of the contact points that were erased, in one read. */
    Map<ContactPoint, Suppression> suppressions(TenantId tenant, Collection<ContactPoint> contactPoints) {
        return fromSubjects(tenant, contactPoints, (contactPoint, subject) -> suppression(subject));
    }

    /** The minor flags of those of the contact points that have one, in one read. */
    Map<ContactPoint, MinorFlag> minorFlags(TenantId tenant, Collection<ContactPoint> contactPoints) {
        return fromSubjects(tenant, contactPoints, ContactPointKeys::minorFlag);
    }

    /** What the subjects of the contact points say (read without key material), for those that say something. */
    private <T> Map<ContactPoint, T> fromSubjects(TenantId tenant, Collection<ContactPoint> contactPoints,
                                                  BiFunction<ContactPoint, Document, T> read) {
        Map<String, ContactPoint> byId = new LinkedHashMap<>();
        contactPoints.forEach(contactPoint -> byId.put(subjectId(tenant, contactPoint), contactPoint));
        Map<ContactPoint, T> found = new HashMap<>();
        byIds(byId.keySet(), WITHOUT_KEY_MATERIAL).forEach((id, subject) -> {
            T value = read.apply(byId.get(id), subject);
            if (value != null) {
                found.put(byId.get(id), value);
            }
        });
        return found;
    }

    /** Files the minor flag on the contact point's subject, made for it when it has none yet (no key is made). */
    void flagMinor(TenantId tenant, MinorFlag flag) {
        ContactPoint contactPoint = flag.contactPoint();
        subjects.updateOne(Filters.eq("_id", subjectId(tenant, contactPoint)), Updates.combine(
                        Updates.set("channel", contactPoint.channel().toString()),
                        Updates.set(MINOR, new Document("birthDate", flag.birthDate() == null ? null : flag.birthDate().toString()))),
                new UpdateOptions().upsert(true));
    }

    void unflagMinor(TenantId tenant, ContactPoint contactPoint) {
        subjects.updateOne(Filters.eq("_id", subjectId(tenant, contactPoint)), Updates.unset(MINOR));
    }

    /**
     * Replaces the data key (and the address under it) by the suppression, in one write (ADR 39);
     * the minor flag goes with them.
     */
    void suppress(TenantId tenant, ContactPoint contactPoint, Suppression suppression) {
        String id = subjectId(tenant, contactPoint);
        subjects.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("channel", contactPoint.channel().toString())
                .append(SUPPRESSED, new Document("requestId", suppression.requestId())
                        .append("erasedAt", Date.from(suppression.erasedAt()))
                        .append("legalReference", suppression.legalReference())), new ReplaceOptions().upsert(true));
    }

    /** Gives a suppressed contact point a new data key and its address under it; its suppression stands. */
    void readmit(TenantId tenant, ContactPoint contactPoint) {
        if (contactPoint.isWithheld()) {
            throw new IllegalArgumentException("only a contact point given with its address can be readmitted");
        }
        Document made = newSubject(tenant, contactPoint);
        subjects.updateOne(Filters.and(Filters.eq("_id", made.getString("_id")), Filters.exists(SUPPRESSED),
                        Filters.exists(DATA_KEY, false)),
                Updates.combine(Updates.set(DATA_KEY, made.get(DATA_KEY)), Updates.set(ADDRESS, made.getString(ADDRESS)),
                        Updates.set("createdAt", made.getDate("createdAt"))));
    }

    /** @return false when the contact point holds another suppression now (a newer erasure), or none */
    boolean lift(TenantId tenant, ContactPoint contactPoint, Suppression suppression) {
        return subjects.updateOne(Filters.and(Filters.eq("_id", subjectId(tenant, contactPoint)),
                        Filters.eq(SUPPRESSED + ".requestId", suppression.requestId())), Updates.unset(SUPPRESSED))
                .getModifiedCount() == 1;
    }

    /** Subject documents by {@code _id}, in reads of at most {@value #MAX_IN}; records with those ids never exist. */
    private Map<String, Document> byIds(Collection<String> ids, Document projection) {
        Map<String, Document> found = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += MAX_IN) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + MAX_IN));
            Bson filter = slice.size() == 1 ? Filters.eq("_id", slice.getFirst()) : Filters.in("_id", slice);
            var find = subjects.find(filter).batchSize(slice.size()); // one reply, no getMore
            for (Document doc : projection == null ? find : find.projection(projection)) {
                found.put(doc.getString("_id"), doc);
            }
        }
        return found;
    }

    private Document newSubject(TenantId tenant, ContactPoint contactPoint) {
        String id = subjectId(tenant, contactPoint);
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] address = dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class)
                    .encrypt(contactPoint.address().getBytes(StandardCharsets.UTF_8), TenantKeyring.bytes(id));
            return new Document("_id", id).append("channel", contactPoint.channel().toString())
                    .append(DATA_KEY, new Binary(keyring.wrap(tenant.value(), dataKey, id)))
                    .append(ADDRESS, BASE64.encodeToString(address))
                    .append("createdAt", Date.from(clock.instant()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key cannot be made", e);
        }
    }

    /** The subject's data key, null when it has none (erased). */
    private Aead dataKey(TenantId tenant, Document subject) {
        if (!subject.containsKey(DATA_KEY)) {
            return null;
        }
        String id = subject.getString("_id");
        try {
            return keyring.unwrap(tenant.value(), subject.get(DATA_KEY, Binary.class).getData(), id)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the data key filed under " + id + " does not unwrap with the tenant's keys", e);
        }
    }

    /** Null when the ciphertext was made under another key (one destroyed since). */
    private static String decrypt(Aead dataKey, String ciphertext, String id) {
        try {
            return new String(dataKey.decrypt(UNBASE64.decode(ciphertext), TenantKeyring.bytes(id)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A contact point known by its channel and pseudonym only. */
    static ContactPoint withheld(String channel, String pseudonym) {
        return ContactPoint.withheld(new Channel(new TechnicalId(channel)), pseudonym);
    }
}
