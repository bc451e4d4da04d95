package org.consentplatform.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.consentplatform.application.port.out.ImportErrors;
import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.shared.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A load's rejected rows, one document per reason, keyed by job, line and position. */
public final class MongoImportErrors implements ImportErrors {

    private final MongoCollection<Document> errors;

    public MongoImportErrors(MongoStore store) {
        this.errors = store.collection(MongoStore.IMPORT_ERRORS);
    }

    @Override
    public void add(String jobId, long line, List<Violation> violations) {
        var documents = new ArrayList<Document>(violations.size());
        for (int i = 0; i < violations.size(); i++) {
            documents.add(new Document("_id", jobId + ":" + line + ":" + i).append("jobId", jobId).append("line", line)
                    .append("field", violations.get(i).field()).append("reason", violations.get(i).reason()));
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
