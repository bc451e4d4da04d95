package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.application.port.out.ChangeOutbox;
import org.consentplatform.domain.consent.ConsentChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * The change log as the outbox: each change is inserted with {@code published: false}, a field
 * only the partial index {@code unpublished} covers, and flipped once the broker acknowledged it.
 */
public final class MongoChangeOutbox implements ChangeOutbox {

    private static final Document UNPUBLISHED = new Document("published", false);
    private static final Document OLDEST_FIRST = new Document("recordedAt", 1).append("seq", 1);

    private final MongoCollection<Document> changes;
    private final ContactPointKeys keys;

    public MongoChangeOutbox(MongoStore store, ContactPointKeys keys) {
        this.changes = store.collection(MongoStore.CHANGES);
        this.keys = keys;
    }

    /** With their addresses decrypted: consumers need them to act (one read of data keys per batch and tenant). */
    @Override
    public List<ConsentChange> unpublished(int limit) {
        return Documents.opened(keys, changes.find(UNPUBLISHED).sort(OLDEST_FIRST).limit(limit).map(Documents::change)
                .into(new ArrayList<>()));
    }

    /** One round trip of updates by {@code _id}, which every server serves from its primary index. */
    @Override
    public void markPublished(Collection<String> changeIds, Instant publishedAt) {
        if (changeIds.isEmpty()) {
            return;
        }
        var published = Updates.combine(Updates.set("published", true), Updates.set("publishedAt", Date.from(publishedAt)));
        var updates = new ArrayList<UpdateOneModel<Document>>(changeIds.size());
        for (String id : changeIds) {
            updates.add(new UpdateOneModel<>(new Document("_id", id), published));
        }
        changes.bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    @Override
    public Backlog backlog() {
        long count = changes.countDocuments(UNPUBLISHED);
        if (count == 0) {
            return Backlog.EMPTY;
        }
        Document oldest = changes.find(UNPUBLISHED).sort(OLDEST_FIRST).projection(new Document("recordedAt", 1)).first();
        return new Backlog(count, oldest == null ? null : oldest.getDate("recordedAt").toInstant());
    }
}
