package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.consentplatform.application.port.out.Erasures;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.privacy.Erasure;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Erasure requests in {@code erasures}, their contact points by pseudonym; suppressions through
 * {@link ContactPointKeys}; and the deletion of every other document that names an erased
 * person, found by the pseudonyms each collection files (ADR 39).
 */
public final class MongoErasures implements Erasures {

    private final MongoCollection<Document> erasures;
    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> confirmations;
    private final MongoCollection<Document> idempotency;
    private final MongoCollection<Document> rateLimits;
    private final MongoCollection<Document> importErrors;
    private final ContactPointKeys keys;

    public MongoErasures(MongoStore store, ContactPointKeys keys) {
        this.erasures = store.collection(MongoStore.ERASURES);
        this.contacts = store.collection(MongoStore.CONTACTS);
        this.confirmations = store.collection(MongoStore.CONFIRMATIONS);
        this.idempotency = store.collection(MongoStore.IDEMPOTENCY);
        this.rateLimits = store.collection(MongoStore.RATE_LIMITS);
        this.importErrors = store.collection(MongoStore.IMPORT_ERRORS);
        this.keys = keys;
    }

    @Override
    public void begin(Erasure erasure) {
        TenantId tenant = erasure.tenant();
        erasures.replaceOne(Filters.eq("_id", erasure.id()), new Document("_id", erasure.id())
                .append("tenant", tenant.value())
                .append("requestedAt", Date.from(erasure.requestedAt()))
                .append("requestedBy", erasure.requestedBy().id())
                .append("requestedByClient", erasure.requestedBy().client())
                .append("legalReference", erasure.legalReference())
                .append("reference", erasure.reference())
                .append("contactPoints", erasure.contactPoints().stream().map(point -> pointDocument(tenant, point)).toList())
                .append("contactIds", erasure.contactIds().stream().map(TechnicalId::value).toList())
                // what the erasure events carry, until they are acknowledged: under the tenant's key, bound to this request
                .append("announced", false)
                .append("toAnnounce", erasure.contactPoints().stream().filter(point -> !point.isWithheld())
                        .map(point -> new Document("channel", point.channel().toString()).append("address",
                                new Binary(keys.keyring().seal(tenant, point.address().getBytes(StandardCharsets.UTF_8),
                                        "erasure|" + erasure.id())))).toList())
                .append("done", false)
                .append("destroyed", null)
                .append("lifts", List.of()), new ReplaceOptions().upsert(true));
    }

    @Override
    public List<Erasure> unannounced(Instant before) {
        var found = new ArrayList<Erasure>();
        for (Document doc : erasures.find(Filters.and(Filters.eq("announced", false), Filters.lt("requestedAt", Date.from(before))))
                .sort(Sorts.ascending("requestedAt"))) {
            Erasure stored = erasure(doc);
            TenantId tenant = stored.tenant();
            var points = new ArrayList<ContactPoint>();
            for (Document point : doc.getList("toAnnounce", Document.class, List.of())) {
                try {
                    points.add(new ContactPoint(new Channel(new TechnicalId(point.getString("channel"))), new String(keys.keyring()
                            .open(tenant, point.get("address", Binary.class).getData(), "erasure|" + stored.id()), StandardCharsets.UTF_8)));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the addresses of erasure " + stored.id() + " do not open with the tenant's keys", e);
                }
            }
            found.add(new Erasure(stored.id(), tenant, stored.requestedAt(), stored.requestedBy(), stored.legalReference(),
                    stored.reference(), points, stored.contactIds(), false, stored.destroyed(), stored.lifts()));
        }
        return found;
    }

    @Override
    public void announced(TenantId tenant, String erasureId) {
        erasures.updateOne(Filters.and(Filters.eq("_id", erasureId), Filters.eq("tenant", tenant.value())),
                Updates.combine(Updates.set("announced", true), Updates.unset("toAnnounce")));
    }

    @Override
    public void complete(Erasure erasure) {
        Erasure.Destroyed destroyed = erasure.destroyed();
        erasures.updateOne(Filters.eq("_id", erasure.id()), Updates.combine(Updates.set("done", true), Updates.set("contactIds", List.of()),
                Updates.set("destroyed", new Document("records", destroyed.records()).append("contacts", destroyed.contacts())
                        .append("confirmationRequests", destroyed.confirmationRequests())
                        .append("idempotentAnswers", destroyed.idempotentAnswers()).append("mailQuotas", destroyed.mailQuotas())
                        .append("importErrorLines", destroyed.importErrorLines())
                        .append("completedAt", Date.from(destroyed.completedAt())))));
    }

    @Override
    public List<Erasure> unfinished(Instant before) {
        return erasures.find(Filters.and(Filters.eq("done", false), Filters.lt("requestedAt", Date.from(before))))
                .sort(Sorts.ascending("requestedAt")).map(MongoErasures::erasure).into(new ArrayList<>());
    }

    @Override
    public List<Erasure> latest(TenantId tenant, int limit) {
        return erasures.find(Filters.eq("tenant", tenant.value())).sort(Sorts.descending("requestedAt", "_id")).limit(limit)
                .map(MongoErasures::erasure).into(new ArrayList<>());
    }

    @Override
    public Optional<Erasure> find(TenantId tenant, String erasureId) {
        return Optional.ofNullable(erasures.find(Filters.and(Filters.eq("_id", erasureId), Filters.eq("tenant", tenant.value()))).first())
                .map(MongoErasures::erasure);
    }

    @Override
    public Map<ContactPoint, Suppression> suppressions(TenantId tenant, Collection<ContactPoint> contactPoints) {
        return keys.suppressions(tenant, contactPoints);
    }

    @Override
    public void suppress(TenantId tenant, ContactPoint contactPoint, Suppression suppression) {
        keys.suppress(tenant, contactPoint, suppression);
    }

    @Override
    public void readmit(TenantId tenant, ContactPoint contactPoint) {
        keys.readmit(tenant, contactPoint);
    }

    @Override
    public boolean lift(TenantId tenant, ContactPoint contactPoint, Suppression suppression, Erasure.Lift lift) {
        if (!keys.lift(tenant, contactPoint, suppression)) {
            return false;
        }
        // noted after the lift, so that the log never claims one that did not happen
        erasures.updateOne(Filters.and(Filters.eq("_id", suppression.requestId()), Filters.ne("lifts.changeId", lift.changeId())),
                Updates.push("lifts", pointDocument(tenant, contactPoint).append("at", Date.from(lift.at()))
                        .append("changeId", lift.changeId()).append("source", lift.source().name())));
        return true;
    }

    @Override
    public Traces eraseTraces(TenantId tenant, Collection<ContactPoint> contactPoints, Collection<TechnicalId> contactIds) {
        List<String> pseudonyms = contactPoints.stream().map(point -> keys.pseudonym(tenant, point)).distinct().toList();
        var ownedBy = new ArrayList<Bson>();
        if (!contactIds.isEmpty()) {
            ownedBy.add(Filters.in("_id", contactIds.stream().map(id -> MongoStore.id(tenant, id.value())).toList()));
        }
        if (!pseudonyms.isEmpty()) {
            ownedBy.add(Filters.in("contactPoints.pseudonym", pseudonyms));
        }
        long contactsDeleted = ownedBy.isEmpty() ? 0
                : contacts.deleteMany(Filters.and(Filters.eq("tenant", tenant.value()), Filters.or(ownedBy))).getDeletedCount();
        if (pseudonyms.isEmpty()) {
            return new Traces(contactsDeleted, 0, 0, 0, 0);
        }
        long requests = confirmations.deleteMany(Filters.and(Filters.eq("tenant", tenant.value()),
                Filters.in("key.pseudonym", pseudonyms))).getDeletedCount();
        long answers = idempotency.deleteMany(Filters.and(Filters.eq("tenant", tenant.value()), Filters.in("subjects", pseudonyms)))
                .getDeletedCount();
        long quotas = rateLimits.deleteMany(Filters.in("_id", mailQuotaIds(tenant, contactPoints))).getDeletedCount();
        long errorLines = importErrors.deleteMany(Filters.and(Filters.eq("tenant", tenant.value()), Filters.in("named", pseudonyms)))
                .getDeletedCount();
        return new Traces(contactsDeleted, requests, answers, quotas, errorLines);
    }

    /** The quota buckets of the email contact points: filed under the lower-cased address's pseudonym ({@link MongoMailQuota}). */
    private List<String> mailQuotaIds(TenantId tenant, Collection<ContactPoint> contactPoints) {
        Set<String> ids = new LinkedHashSet<>();
        for (ContactPoint point : contactPoints) {
            if (point.channel().equals(Channel.EMAIL)) {
                ids.add(MongoMailQuota.addressBucket(tenant, keys.pseudonym(tenant, point)));
                if (!point.isWithheld()) {
                    ids.add(MongoMailQuota.addressBucket(tenant, keys.pseudonym(tenant,
                            new ContactPoint(Channel.EMAIL, point.address().toLowerCase(Locale.ROOT)))));
                }
            }
        }
        return List.copyOf(ids);
    }

    private Document pointDocument(TenantId tenant, ContactPoint point) {
        return new Document("channel", point.channel().toString()).append("pseudonym", keys.pseudonym(tenant, point));
    }

    private static Erasure erasure(Document doc) {
        Document destroyed = doc.get("destroyed", Document.class);
        return new Erasure(doc.getString("_id"), new TenantId(doc.getString("tenant")), doc.getDate("requestedAt").toInstant(),
                new Actor(doc.getString("requestedBy"), doc.getString("requestedByClient")), doc.getString("legalReference"),
                doc.getString("reference"),
                doc.getList("contactPoints", Document.class).stream().map(MongoErasures::point).toList(),
                doc.getList("contactIds", String.class).stream().map(TechnicalId::new).toList(), doc.getBoolean("announced", false),
                destroyed == null ? null : new Erasure.Destroyed(destroyed.getInteger("records"), destroyed.getLong("contacts"),
                        destroyed.getLong("confirmationRequests"), destroyed.getLong("idempotentAnswers"),
                        destroyed.getLong("mailQuotas"), destroyed.getLong("importErrorLines"),
                        destroyed.getDate("completedAt").toInstant()),
                doc.getList("lifts", Document.class).stream().map(lift -> new Erasure.Lift(point(lift),
                        lift.getDate("at").toInstant(), lift.getString("changeId"), Source.valueOf(lift.getString("source")))).toList());
    }

    private static ContactPoint point(Document doc) {
        return ContactPointKeys.withheld(doc.getString("channel"), doc.getString("pseudonym"));
    }
}
