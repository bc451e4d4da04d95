package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.application.port.out.ConfirmationRequests;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Double opt-in requests under the hash of their token; the raw token is never stored. The
 * contact point is held by pseudonym and ciphertext (ADR 37), and by a <em>lookup</em>: the
 * platform's own PRF of the lower-cased address, the same in every tenant, with which a person
 * who lost a link is found by address across tenants without any address being stored.
 */
public final class MongoConfirmationRequests implements ConfirmationRequests {

    private final MongoCollection<Document> requests;
    private final ContactPointKeys keys;

    public MongoConfirmationRequests(MongoStore store, ContactPointKeys keys) {
        this.requests = store.collection(MongoStore.CONFIRMATIONS);
        this.keys = keys;
    }

    @Override
    public void add(ConfirmationRequest request) {
        SealedAddress sealed = keys.seal(request.tenant(), request.key().contactPoint());
        requests.insertOne(new Document("_id", request.tokenHash())
                .append("tenant", request.tenant().value())
                .append("key", Documents.recordKey(request.key(), sealed))
                .append("pendingSeq", request.pendingSeq())
                .append("lookup", lookup(request.key().contactPoint().address()))
                .append("wordingVersion", request.wordingVersion())
                .append("language", request.language())
                .append("requestedAt", Date.from(request.requestedAt()))
                .append("expiresAt", Date.from(request.expiresAt()))
                .append("confirmedAt", null));
    }

    @Override
    public Optional<ConfirmationRequest> find(String tokenHash) {
        return Optional.ofNullable(requests.find(new Document("_id", tokenHash)).first()).map(doc -> opened(List.of(doc)).getFirst());
    }

    @Override
    public List<ConfirmationRequest> unconfirmedFor(String address, int limit) {
        return opened(requests.find(new Document("lookup", lookup(address)).append("confirmedAt", null))
                .sort(Sorts.descending("requestedAt")).limit(limit).into(new ArrayList<>()));
    }

    @Override
    public List<ConfirmationRequest> of(TenantId tenant, ContactPoint contactPoint) {
        return opened(requests.find(new Document("tenant", tenant.value())
                        .append("key.pseudonym", keys.pseudonym(tenant, contactPoint))
                        .append("key.channel", contactPoint.channel().toString()))
                .sort(Sorts.ascending("requestedAt")).into(new ArrayList<>()));
    }

    @Override
    public boolean markConfirmed(String tokenHash, Instant at) {
        return requests.updateOne(new Document("_id", tokenHash).append("confirmedAt", null),
                Updates.set("confirmedAt", Date.from(at))).getModifiedCount() == 1;
    }

    /** The requests with their addresses decrypted where their data keys still open them (one read per tenant). */
    private List<ConfirmationRequest> opened(List<Document> docs) {
        var found = new ArrayList<ConfirmationRequest>(docs.size());
        for (Document doc : docs) {
            TenantId tenant = new TenantId(doc.getString("tenant"));
            Document key = doc.get("key", Document.class);
            RecordKey stored = Documents.recordKey(key);
            SealedAddress sealed = Documents.sealed(key);
            Map<SealedAddress, String> addresses = sealed == null ? Map.of() : keys.addresses(tenant, List.of(sealed));
            String address = sealed == null ? null : addresses.get(sealed);
            RecordKey recordKey = address == null ? stored : new RecordKey(stored.profileId(),
                    new ContactPoint(stored.contactPoint().channel(), address), stored.purposeId(), stored.topicId());
            found.add(new ConfirmationRequest(doc.getString("_id"), tenant, recordKey, doc.getLong("pendingSeq"),
                    doc.getString("wordingVersion"), doc.getString("language"), doc.getDate("requestedAt").toInstant(),
                    doc.getDate("expiresAt").toInstant(),
                    doc.getDate("confirmedAt") == null ? null : doc.getDate("confirmedAt").toInstant()));
        }
        return found;
    }

    /** The platform's PRF of the lower-cased address: comparable across tenants, and no address. */
    String lookup(String address) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keys.keyring().prf(TenantKeyring.PLATFORM,
                address.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8), 32));
    }
}
