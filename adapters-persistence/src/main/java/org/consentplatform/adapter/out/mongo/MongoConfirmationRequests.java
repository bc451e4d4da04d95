package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.application.port.out.ConfirmationRequests;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Double opt-in requests under the hash of their token; the raw token is never stored. */
public final class MongoConfirmationRequests implements ConfirmationRequests {

    private final MongoCollection<Document> requests;

    public MongoConfirmationRequests(MongoStore store) {
        this.requests = store.collection(MongoStore.CONFIRMATIONS);
    }

    @Override
    public void add(ConfirmationRequest request) {
        requests.insertOne(new Document("_id", request.tokenHash())
                .append("tenant", request.tenant().value())
                .append("key", Documents.clearKey(request.key()))
                .append("pendingSeq", request.pendingSeq())
                .append("address", request.key().contactPoint().address().toLowerCase(Locale.ROOT))
                .append("wordingVersion", request.wordingVersion())
                .append("language", request.language())
                .append("requestedAt", Date.from(request.requestedAt()))
                .append("expiresAt", Date.from(request.expiresAt()))
                .append("confirmedAt", null));
    }

    @Override
    public Optional<ConfirmationRequest> find(String tokenHash) {
        return Optional.ofNullable(requests.find(new Document("_id", tokenHash)).first()).map(MongoConfirmationRequests::request);
    }

    @Override
    public List<ConfirmationRequest> unconfirmedFor(String address, int limit) {
        return requests.find(new Document("address", address.toLowerCase(Locale.ROOT)).append("confirmedAt", null))
                .sort(Sorts.descending("requestedAt")).limit(limit)
                .map(MongoConfirmationRequests::request).into(new ArrayList<>());
    }

    @Override
    public List<ConfirmationRequest> of(TenantId tenant, ContactPoint contactPoint) {
        // the address index finds them; tenant and channel narrow the few it finds
        return requests.find(new Document("address", contactPoint.address().toLowerCase(Locale.ROOT))
                        .append("tenant", tenant.value())
                        .append("key.channel", contactPoint.channel().toString())
                        .append("key.address", contactPoint.address()))
                .sort(Sorts.ascending("requestedAt"))
                .map(MongoConfirmationRequests::request).into(new ArrayList<>());
    }

    private static ConfirmationRequest request(Document doc) {
        return new ConfirmationRequest(doc.getString("_id"), new TenantId(doc.getString("tenant")),
                Documents.recordKey(doc.get("key", Document.class)), doc.getLong("pendingSeq"), doc.getString("wordingVersion"),
                doc.getString("language"), doc.getDate("requestedAt").toInstant(), doc.getDate("expiresAt").toInstant(),
                doc.getDate("confirmedAt") == null ? null : doc.getDate("confirmedAt").toInstant());
    }

    @Override
    public boolean markConfirmed(String tokenHash, Instant at) {
        return requests.updateOne(new Document("_id", tokenHash).append("confirmedAt", null),
                Updates.set("confirmedAt", Date.from(at))).getModifiedCount() == 1;
    }
}
