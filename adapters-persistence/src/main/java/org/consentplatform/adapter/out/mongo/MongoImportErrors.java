package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.consentplatform.application.port.out.ImportErrors;
import org.consentplatform.domain.load.ImportRules;
import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
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
    public void addAll(TenantId tenant, String jobId, List<ImportRules.Rejected> rows) {
        var documents = new ArrayList<Document>();
        Date now = Date.from(clock.instant());
        for (ImportRules.Rejected row : rows) {
            List<String> pseudonyms = row.named().stream().map(point -> keys.pseudonym(tenant, point)).distinct().toList();
            List<Violation> violations = row.violations();
            for (int i = 0; i < violations.size(); i++) {
                documents.add(new Document("_id", jobId + ":" + row.line() + ":" + i).append("tenant", tenant.value()).append("jobId", jobId)
                        .append("line", row.line()).append("field", violations.get(i).field()).append("reason", violations.get(i).reason())
                        .append("named", pseudonyms).append("reportedAt", now));
            }
        }
        if (documents.isEmpty()) {
            return;
        }
        // a replayed batch finds its reasons stored already; anything else is a real failure
        DuplicateKeys.refused(() -> errors.insertMany(documents, new InsertManyOptions().ordered(false)));
    }

    @Override
    public void forEach(String jobId, Consumer<RowError> consumer) {
        for (Document doc : errors.find(Filters.eq("jobId", jobId)).sort(Sorts.ascending("line", "_id"))) {
            consumer.accept(new RowError(doc.getLong("line"), doc.getString("field"), doc.getString("reason")));
        }
    }
}
