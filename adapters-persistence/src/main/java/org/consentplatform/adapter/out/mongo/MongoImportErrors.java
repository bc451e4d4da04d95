package org.consentplatform.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.consentplatform.application.port.out.ImportErrors;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * A load's rejected rows, one document per reason, keyed by job, line and position. A line names
 * its row's contact points by pseudonym only ({@code named}), for an erasure to find it; its
 * reasons never quote a valid address.
 */
public final class MongoImportErrors implements ImportErrors {

    private final MongoCollection<Document> errors;
    private final ContactPointKeys keys;
    private final Clock clock;

    public MongoImportErrors(MongoStore store, ContactPointKeys keys, Clock clock) {
        this.errors = store.collection(MongoStore.IMPORT_ERRORS);
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void add(TenantId tenant, String jobId, long line, List<Violation> violations, Collection<ContactPoint> named) {
        List<String> pseudonyms = named.stream().map(point -> keys.pseudonym(tenant, point)).distinct().toList();
        var documents = new ArrayList<Document>(violations.size());
        Date now = Date.from(clock.instant());
        for (int i = 0; i < violations.size(); i++) {
            documents.add(new Document("_id", jobId + ":" + line + ":" + i).append("tenant", tenant.value()).append("jobId", jobId)
                    .append("line", line).append("field", violations.get(i).field()).append("reason", violations.get(i).reason())
                    .append("named", pseudonyms).append("reportedAt", now));
        }
        try {
            errors.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // a replayed batch finds its reasons stored already; anything else is a real failure
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    @Override
    public void forEach(String jobId, Consumer<RowError> consumer) {
        for (Document doc : errors.find(Filters.eq("jobId", jobId)).sort(Sorts.ascending("line", "_id"))) {
            consumer.accept(new RowError(doc.getLong("line"), doc.getString("field"), doc.getString("reason")));
        }
    }
}
