package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consentplatform.application.port.out.Retention;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Retention over the store (ADR 40). Deletes by date, which real MongoDB serves from the
 * indexes {@link MongoStore} declares (TTL indexes would do some of it on a cluster; the
 * embedded server has none that work, and a purge counted here is a purge that can be reported).
 */
public final class MongoRetention implements Retention {

    /** Bounds a single {@code $in} delete. */
    private static final int MAX_IN = 1000;

    private final GridFSBucket files;
    private final MongoCollection<Document> errors;
    private final MongoCollection<Document> idempotency;
    private final MongoCollection<Document> confirmations;
    private final MongoCollection<Document> rateLimits;
    private final MongoCollection<Document> records;

    public MongoRetention(MongoStore store) {
        this.files = store.files(MongoStore.IMPORT_FILES);
        this.errors = store.collection(MongoStore.IMPORT_ERRORS);
        this.idempotency = store.collection(MongoStore.IDEMPOTENCY);
        this.confirmations = store.collection(MongoStore.CONFIRMATIONS);
        this.rateLimits = store.collection(MongoStore.RATE_LIMITS);
        this.records = store.collection(MongoStore.RECORDS);
    }

    @Override
    public long purgeImportFiles(Instant uploadedBefore) {
        long deleted = 0;
        for (GridFSFile file : files.find(Filters.lt("uploadDate", Date.from(uploadedBefore)))) {
            files.delete(file.getObjectId()); // its chunks, then its file document: a file cut in half is never read again
            deleted++;
        }
        return deleted;
    }

    @Override
    public long purgeImportErrors(Instant reportedBefore) {
        return errors.deleteMany(Filters.lt("reportedAt", Date.from(reportedBefore))).getDeletedCount();
    }

    @Override
    public long purgeIdempotencyKeys(Instant claimedBefore) {
        return idempotency.deleteMany(Filters.lt("claimedAt", Date.from(claimedBefore))).getDeletedCount();
    }

    @Override
    public long purgeSpentConfirmationRequests(Instant spentBefore) {
        Date before = Date.from(spentBefore);
        return confirmations.deleteMany(Filters.or(Filters.lt("confirmedAt", before),
                Filters.and(Filters.eq("confirmedAt", null), Filters.lt("expiresAt", before)))).getDeletedCount();
    }

    @Override
    public long purgeMailQuotas(Instant now) {
        return rateLimits.deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    /**
     * The newest change of each contact point is the newest {@code updatedAt} of its records;
     * a contact point whose newest is older than the instant loses its data key and address, with
     * its subject document unless that holds a minor flag: a child's protection is not retired
     * with an address. A suppressed one keeps its suppression: it never had a key to lose.
     */
    @Override
    public long retireAddresses(TenantId tenant, Instant lastChangedBefore) {
        var inactive = new ArrayList<String>();
        for (Document group : records.aggregate(List.of(
                Aggregates.match(Filters.eq("tenant", tenant.value())),
                Aggregates.group("$contactPoint", Accumulators.max("lastChangedAt", "$updatedAt")),
                Aggregates.match(Filters.lt("lastChangedAt", Date.from(lastChangedBefore)))))) {
            inactive.add(ContactPointKeys.subjectId(tenant, ContactPointKeys.pseudonymAtEndOf(group.getString("_id"))));
        }
        long retired = 0;
        for (int from = 0; from < inactive.size(); from += MAX_IN) {
            Bson keyed = Filters.and(Filters.in("_id", inactive.subList(from, Math.min(inactive.size(), from + MAX_IN))),
                    Filters.exists(ContactPointKeys.DATA_KEY), Filters.exists(ContactPointKeys.SUPPRESSED, false));
            retired += records.deleteMany(Filters.and(keyed, Filters.exists(ContactPointKeys.MINOR, false))).getDeletedCount();
            retired += records.updateMany(Filters.and(keyed, Filters.exists(ContactPointKeys.MINOR)), Updates.combine(
                    Updates.unset(ContactPointKeys.DATA_KEY), Updates.unset(ContactPointKeys.ADDRESS), Updates.unset("createdAt")))
                    .getModifiedCount();
        }
        return retired;
    }

    /**
     * Suppressed subjects holding a key made before the instant (a readmission, ADR 39), each
     * checked for a confirmation request left; the key is taken back only from a subject still
     * suppressed and still holding that very key.
     */
    @Override
    public long retireUnconfirmedReadmissions(Instant readmittedBefore) {
        long retired = 0;
        for (Document subject : records.find(Filters.and(Filters.exists(ContactPointKeys.SUPPRESSED),
                        Filters.exists(ContactPointKeys.DATA_KEY), Filters.lt("createdAt", Date.from(readmittedBefore))))
                .projection(new Document("createdAt", 1))) {
            String id = subject.getString("_id");
            String pseudonym = ContactPointKeys.pseudonymAtEndOf(id);
            String tenant = id.substring(0, id.length() - pseudonym.length() - 1);
            if (confirmations.find(Filters.and(Filters.eq("tenant", tenant), Filters.eq("key.pseudonym", pseudonym))).first() == null) {
                retired += records.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists(ContactPointKeys.SUPPRESSED),
                                Filters.eq("createdAt", subject.getDate("createdAt"))),
                        Updates.combine(Updates.unset(ContactPointKeys.DATA_KEY), Updates.unset(ContactPointKeys.ADDRESS),
                                Updates.unset("createdAt"))).getModifiedCount();
            }
        }
        return retired;
    }
}
