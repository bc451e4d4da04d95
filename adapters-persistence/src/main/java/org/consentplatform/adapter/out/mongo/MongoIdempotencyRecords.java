package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.consentplatform.application.port.out.IdempotencyRecords;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;

/**
 * Answers of idempotent requests, encrypted under the tenant's KEK (envelope: a key of their
 * own per answer) with the key's id as associated data, and filed under the pseudonyms of the
 * contact points they name, so that an erasure finds and deletes them (ADR 37).
 */
public final class MongoIdempotencyRecords implements IdempotencyRecords {

    private final MongoCollection<Document> keys;
    private final TenantKeyring keyring;
    private final ContactPointKeys contactPoints;

    public MongoIdempotencyRecords(MongoStore store, ContactPointKeys contactPoints) {
        this.keys = store.collection(MongoStore.IDEMPOTENCY);
        this.keyring = contactPoints.keyring();
        this.contactPoints = contactPoints;
    }

    @Override
    public boolean claim(TenantId tenant, String key, String fingerprint, Instant now) {
        return DuplicateKeys.firstToWrite(() -> keys.insertOne(new Document("_id", MongoStore.id(tenant, key))
                .append("tenant", tenant.value()).append("fingerprint", fingerprint).append("response", null)
                .append("claimedAt", Date.from(now))));
    }

    @Override
    public Optional<Entry> find(TenantId tenant, String key) {
        String id = MongoStore.id(tenant, key);
        return Optional.ofNullable(keys.find(Filters.eq("_id", id)).first())
                .map(doc -> new Entry(doc.getString("fingerprint"), response(tenant, id, doc), doc.getDate("claimedAt").toInstant()));
    }

    @Override
    public void complete(TenantId tenant, String key, String response, Collection<ContactPoint> named) {
        String id = MongoStore.id(tenant, key);
        byte[] sealed = keyring.seal(tenant, response.getBytes(StandardCharsets.UTF_8), id);
        keys.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("response", new Binary(sealed)),
                Updates.set("subjects", named.stream().map(point -> contactPoints.pseudonym(tenant, point)).distinct().toList())));
    }

    @Override
    public void release(TenantId tenant, String key) {
        keys.deleteOne(Filters.eq("_id", MongoStore.id(tenant, key)));
    }

    /** The stored answer, null while in flight; an answer that does not open is as good as forgotten. */
    private String response(TenantId tenant, String id, Document doc) {
        Object stored = doc.get("response");
        if (stored instanceof String clear) {
            return clear; // written before answers were encrypted; gone within a day
        }
        if (!(stored instanceof Binary sealed)) {
            return null;
        }
        try {
            return new String(keyring.open(tenant, sealed.getData(), id), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored answer of " + id + " does not decrypt with the tenant's keys", e);
        }
    }
}
