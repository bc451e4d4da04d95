package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.application.port.out.Checkpoints;
import org.consentplatform.domain.consent.ChainMigration;
import org.consentplatform.domain.consent.StreamHead;
import org.consentplatform.domain.consent.TenantCheckpoint;
import org.consentplatform.domain.tenant.TenantId;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints in {@code tenant_checkpoints}, the heads they sealed in chunks of {@value #CHUNK}
 * in {@code tenant_checkpoint_heads} (a tenant's heads would outgrow one document). The heads
 * are written before the checkpoint, so a stored checkpoint always has all its heads.
 */
public final class MongoCheckpoints implements Checkpoints {

    static final int CHUNK = 5000;

    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> migrations;

    public MongoCheckpoints(MongoStore store) {
        this.checkpoints = store.collection(MongoStore.CHECKPOINTS);
        this.heads = store.collection(MongoStore.CHECKPOINT_HEADS);
        this.migrations = store.collection(MongoStore.MIGRATIONS);
    }

    @Override
    public Optional<TenantCheckpoint> latest(TenantId tenant) {
        return Optional.ofNullable(checkpoints.find(Filters.eq("tenant", tenant.value())).sort(Sorts.descending("number")).first())
                .map(MongoCheckpoints::checkpoint);
    }

    @Override
    public boolean add(TenantCheckpoint checkpoint, List<StreamHead> sealed) {
        String id = id(checkpoint);
        if (checkpoints.find(new Document("_id", id)).first() != null) {
            return false;
        }
        heads.deleteMany(Filters.eq("checkpoint", id)); // leftovers of an attempt that died before its checkpoint
        for (int from = 0, chunk = 0; from < sealed.size() || chunk == 0; from += CHUNK, chunk++) {
            var entries = new ArrayList<Document>();
            for (StreamHead head : sealed.subList(from, Math.min(sealed.size(), from + CHUNK))) {
                // heads come from the stored records, their contact points withheld: a checkpoint holds no address
                entries.add(new Document("key", Documents.withheldKey(head.key())).append("seq", head.seq()).append("hash", head.hash()));
            }
            heads.insertOne(new Document("_id", id + "|" + chunk).append("checkpoint", id).append("chunk", chunk).append("heads", entries));
        }
        return DuplicateKeys.firstToWrite(() -> checkpoints.insertOne(new Document("_id", id)
                .append("tenant", checkpoint.tenant().value())
                .append("number", checkpoint.number())
                .append("takenAt", Date.from(checkpoint.takenAt()))
                .append("streams", checkpoint.streams())
                .append("headsDigest", checkpoint.headsDigest())
                .append("previousHash", checkpoint.previousHash())
                .append("hash", checkpoint.hash())
                .append("published", false)));
    }

    @Override
    public List<StreamHead> heads(TenantCheckpoint checkpoint) {
        var result = new ArrayList<StreamHead>((int) checkpoint.streams());
        for (Document chunk : heads.find(Filters.eq("checkpoint", id(checkpoint))).sort(Sorts.ascending("chunk"))) {
            for (Document head : chunk.getList("heads", Document.class)) {
                result.add(new StreamHead(Documents.recordKey(head.get("key", Document.class)), head.getLong("seq"), head.getString("hash")));
            }
        }
        return result;
    }

    @Override
    public List<TenantCheckpoint> unpublished(TenantId tenant) {
        return checkpoints.find(new Document("tenant", tenant.value()).append("published", false)).sort(Sorts.ascending("number"))
                .map(MongoCheckpoints::checkpoint).into(new ArrayList<>());
    }

    @Override
    public void markPublished(TenantCheckpoint checkpoint) {
        checkpoints.updateOne(new Document("_id", id(checkpoint)), Updates.set("published", true));
    }

    @Override
    public List<ChainMigration> migrations(TenantId tenant) {
        return migrations.find(Filters.and(Filters.eq("tenant", tenant.value()), Filters.ne("completedAt", null)))
                .sort(Sorts.ascending("completedAt")).map(doc -> new ChainMigration(tenant, doc.getString("name"),
                        doc.getDate("completedAt").toInstant(), doc.getLong("checkpointBefore"), doc.getLong("records"),
                        doc.getLong("entries"), doc.getString("headsBefore"), doc.getString("headsAfter"), doc.getString("hash")))
                .into(new ArrayList<>());
    }

    private static String id(TenantCheckpoint checkpoint) {
        return MongoStore.id(checkpoint.tenant().value(), Long.toString(checkpoint.number()));
    }

    private static TenantCheckpoint checkpoint(Document doc) {
        return new TenantCheckpoint(new TenantId(doc.getString("tenant")), doc.getLong("number"), doc.getDate("takenAt").toInstant(),
                doc.getLong("streams"), doc.getString("headsDigest"), doc.getString("previousHash"), doc.getString("hash"));
    }
}
