package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consentplatform.application.port.out.ChangeOutbox;
import org.consentplatform.domain.consent.ConsentChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The change log as the outbox: each change is inserted with {@code published: false}, a field
 * only the partial indexes {@code unpublished} and {@code unpublished_by_bucket} cover, and
 * flipped once the broker acknowledged it. Each change also carries its contact point's bucket
 * (one of {@value ChangeOutbox.Partition#MAX}, by a hash of the stored contact point): a share of
 * the log is a set of buckets.
 */
public final class MongoChangeOutbox implements ChangeOutbox {

    private static final Document UNPUBLISHED = new Document("published", false);
    static final String BUCKET = "relayBucket";
    private static final Document OLDEST_FIRST = new Document("recordedAt", 1).append("seq", 1);

    private final MongoCollection<Document> changes;
    private final ContactPointKeys keys;

    public MongoChangeOutbox(MongoStore store, ContactPointKeys keys) {
        this.changes = store.collection(MongoStore.CHANGES);
        this.keys = keys;
    }

    /**
     * With their addresses decrypted: consumers need them to act (one read of data keys per batch
     * and tenant). Those sent already are read past (they are the oldest) but not opened.
     */
    @Override
    public List<Entry> unpublished(Partition partition, int limit, Set<String> sent) {
        Bson filter = partition.count() == 1 ? UNPUBLISHED
                : new Document("published", false).append(BUCKET, new Document("$in", buckets(partition)));
        int reading = limit + sent.size();
        // one reply holds them all: the driver's first batch is otherwise 101 documents, then a getMore
        List<Document> next = changes.find(filter).sort(OLDEST_FIRST).limit(reading).batchSize(reading).into(new ArrayList<>())
                .stream().filter(doc -> !sent.contains(doc.getString("_id"))).limit(limit).toList();
        List<ConsentChange> opened = Documents.opened(keys, next.stream().map(Documents::change).toList());
        var entries = new ArrayList<Entry>(opened.size());
        for (int i = 0; i < opened.size(); i++) {
            entries.add(new Entry(opened.get(i), next.get(i).getString(Documents.TRACE_CONTEXT)));
        }
        return entries;
    }

    /** The bucket of a change, by its stored contact point: every change of a contact point is in the same one. */
    static int bucket(String storedContactPoint) {
        return Math.floorMod(storedContactPoint.hashCode(), Partition.MAX);
    }

    /** The buckets of a share: the share of bucket b is b mod the number of shares. */
    static List<Integer> buckets(Partition partition) {
        var buckets = new ArrayList<Integer>();
        for (int bucket = partition.index(); bucket < Partition.MAX; bucket += partition.count()) {
            buckets.add(bucket);
        }
        return buckets;
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
