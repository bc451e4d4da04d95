package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.HistoryCriteria;
import org.consentplatform.application.port.Page;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.StreamHead;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.consentplatform.domain.contactpoint.ContactPoint;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The change log read as an audit trail. Cursors are opaque to clients: base64 of the last position.
 * Entries are shown with their addresses (the one asked for, else decrypted); records walked for a
 * verification or a checkpoint keep their contact points withheld, as their hashes need no address.
 */
public final class MongoConsentHistory implements ConsentHistory {

    private static final int EXPORT_BATCH = 1000;

    private final MongoCollection<Document> changes;
    private final MongoCollection<Document> records;
    private final ContactPointKeys keys;

    public MongoConsentHistory(MongoStore store, ContactPointKeys keys) {
        this.changes = store.collection(MongoStore.CHANGES);
        this.records = store.collection(MongoStore.RECORDS);
        this.keys = keys;
    }

    @Override
    public List<ConsentChange> stream(TenantId tenant, RecordKey key) {
        return changes.find(Filters.and(Filters.eq("tenant", tenant.value()), Filters.eq("recordKey", stored(tenant, key))))
                .sort(Sorts.ascending("seq")).map(doc -> Documents.withKey(Documents.change(doc), key)).into(new ArrayList<>());
    }

    @Override
    public Head head(TenantId tenant, RecordKey key) {
        Document projection = records.find(new Document("_id", MongoStore.id(tenant, stored(tenant, key)))).first();
        return projection == null ? Head.NONE : new Head(projection.getLong("seq"), projection.getString("headHash"));
    }

    @Override
    public void forEachRecord(TenantId tenant, Consumer<RecordKey> action) {
        // in the order of the (tenant, contactPoint) index: a sort by anything else would be a tenant's whole set in memory
        for (Document projection : records.find(Filters.eq("tenant", tenant.value())).projection(new Document("key", 1))
                .sort(Sorts.ascending("contactPoint"))) {
            action.accept(Documents.recordKey(projection.get("key", Document.class)));
        }
    }

    @Override
    public List<StreamHead> heads(TenantId tenant) {
        var heads = new ArrayList<StreamHead>();
        for (Document projection : records.find(Filters.eq("tenant", tenant.value()))
                .projection(new Document("key", 1).append("seq", 1).append("headHash", 1))) {
            heads.add(new StreamHead(Documents.recordKey(projection.get("key", Document.class)), projection.getLong("seq"),
                    projection.getString("headHash")));
        }
        return heads;
    }

    @Override
    public String hashAt(TenantId tenant, RecordKey key, long seq) {
        Document entry = changes.find(new Document("tenant", tenant.value()).append("recordKey", stored(tenant, key)).append("seq", seq))
                .projection(new Document("hash", 1)).first();
        return entry == null ? null : entry.getString("hash");
    }

    @Override
    public Map<ContactPoint, ContactPoint> disclose(TenantId tenant, Set<ContactPoint> withheld) {
        return keys.open(tenant, withheld);
    }

    @Override
    public List<TenantId> tenants() {
        return records.distinct("tenant", String.class).map(TenantId::new).into(new ArrayList<>());
    }

    @Override
    public Page<ConsentChange> ofRecord(TenantId tenant, RecordKey key, String cursor, int limit) {
        long after = cursor == null ? 0 : parseLong(decode(cursor));
        List<Document> docs = changes.find(Filters.and(Filters.eq("tenant", tenant.value()),
                        Filters.eq("recordKey", stored(tenant, key)), Filters.gt("seq", after)))
                .sort(Sorts.ascending("seq")).limit(limit + 1).into(new ArrayList<>());
        return page(docs, limit, last -> encode(Long.toString(last.getLong("seq"))), changes -> changes.stream()
                .map(change -> Documents.withKey(change, key)).toList());
    }

    @Override
    public Page<ConsentChange> search(TenantId tenant, HistoryCriteria criteria, String cursor, int limit) {
        Bson filter = filter(tenant, criteria, keys);
        if (cursor != null) {
            String[] position = decode(cursor).split("\\|", 2);
            if (position.length != 2) {
                throw invalidCursor();
            }
            Date at = new Date(parseLong(position[0]));
            filter = Filters.and(filter, Filters.or(Filters.gt("recordedAt", at),
                    Filters.and(Filters.eq("recordedAt", at), Filters.gt("_id", position[1]))));
        }
        List<Document> docs = changes.find(filter).sort(Sorts.ascending("recordedAt", "_id"))
                .limit(limit + 1).into(new ArrayList<>());
        return page(docs, limit, last -> encode(last.getDate("recordedAt").getTime() + "|" + last.getString("_id")),
                found -> opened(criteria, found));
    }

    @Override
    public void export(TenantId tenant, HistoryCriteria criteria, Consumer<ConsentChange> sink) {
        var batch = new ArrayList<ConsentChange>(EXPORT_BATCH);
        try (var cursor = changes.find(filter(tenant, criteria, keys)).sort(Sorts.ascending("recordedAt", "_id"))
                .batchSize(EXPORT_BATCH).cursor()) {
            while (cursor.hasNext()) {
                batch.add(Documents.change(cursor.next()));
                if (batch.size() == EXPORT_BATCH || !cursor.hasNext()) {
                    opened(criteria, batch).forEach(sink);
                    batch.clear();
                }
            }
        }
    }

    /** Entries with their addresses: the one searched for, else decrypted (one read per batch). */
    private List<ConsentChange> opened(HistoryCriteria criteria, List<ConsentChange> found) {
        if (criteria.contactPoint() == null) {
            return Documents.opened(keys, found);
        }
        return found.stream().map(change -> Documents.withKey(change, new RecordKey(change.key().profileId(),
                criteria.contactPoint(), change.key().purposeId(), change.key().topicId()))).toList();
    }

    private String stored(TenantId tenant, RecordKey key) {
        return keys.stored(tenant, key).value();
    }

    private static Bson filter(TenantId tenant, HistoryCriteria criteria, ContactPointKeys keys) {
        var parts = new ArrayList<Bson>();
        parts.add(Filters.eq("tenant", tenant.value()));
        if (criteria.from() != null) {
            parts.add(Filters.gte("recordedAt", Date.from(criteria.from())));
        }
        if (criteria.to() != null) {
            parts.add(Filters.lt("recordedAt", Date.from(criteria.to())));
        }
        if (criteria.contactPoint() != null) {
            parts.add(Filters.eq("contactPoint", keys.stored(tenant, criteria.contactPoint())));
        }
        if (criteria.profileId() != null) {
            parts.add(Filters.eq("key.profileId", criteria.profileId().value()));
        }
        if (criteria.purposeId() != null) {
            parts.add(Filters.eq("key.purposeId", criteria.purposeId().value()));
        }
        if (criteria.source() != null) {
            parts.add(Filters.eq("source", criteria.source().name()));
        }
        if (criteria.actor() != null) {
            parts.add(Filters.eq("actor", criteria.actor()));
        }
        if (criteria.client() != null) {
            parts.add(Filters.eq("actorClient", criteria.client()));
        }
        if (criteria.outcome() != null) {
            parts.add(Filters.eq("outcome", criteria.outcome().name()));
        }
        return Filters.and(parts);
    }

    private static Page<ConsentChange> page(List<Document> docs, int limit, Function<Document, String> cursorOf,
                                            UnaryOperator<List<ConsentChange>> withAddresses) {
        boolean more = docs.size() > limit;
        List<Document> items = more ? docs.subList(0, limit) : docs;
        return new Page<>(withAddresses.apply(items.stream().map(Documents::change).toList()),
                more ? cursorOf.apply(items.getLast()) : null);
    }

    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    private static DomainRejection.InvalidInput invalidCursor() {
        return DomainRejection.InvalidInput.of("cursor", "is not a cursor this service handed out");
    }
}
