package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.application.port.out.IdempotencyRecords;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

public final class MongoIdempotencyRecords implements IdempotencyRecords {

    private final MongoCollection<Document> keys;

    public MongoIdempotencyRecords(MongoStore store) {
        this.keys = store.collection(MongoStore.IDEMPOTENCY);
    }

    @Override
    public boolean claim(TenantId tenant, String key, String fingerprint, Instant now) {
        return DuplicateKeys.firstToWrite(() -> keys.insertOne(new Document("_id", MongoStore.id(tenant, key))
                .append("fingerprint", fingerprint).append("response", null).append("claimedAt", Date.from(now))));
    }

    @Override
    public Optional<Entry> find(TenantId tenant, String key) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", MongoStore.id(tenant, key))).first())
                .map(doc -> new Entry(doc.getString("fingerprint"), doc.getString("response"),
                        doc.getDate("claimedAt").toInstant()));
    }

    @Override
    public void complete(TenantId tenant, String key, String response) {
        keys.updateOne(Filters.eq("_id", MongoStore.id(tenant, key)), Updates.set("response", response));
    }

    @Override
    public void release(TenantId tenant, String key) {
        keys.deleteOne(Filters.eq("_id", MongoStore.id(tenant, key)));
    }
}
