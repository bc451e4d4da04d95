package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

public final class MongoContacts implements Contacts {

    private final MongoCollection<Document> contacts;
    private final ContactPointKeys keys;

    public MongoContacts(MongoStore store, ContactPointKeys keys) {
        this.contacts = store.collection(MongoStore.CONTACTS);
        this.keys = keys;
    }

    /** Minor flags live on the contact points' subject documents, read with their records (ADR 37). */
    @Override
    public Map<ContactPoint, MinorFlag> minorFlags(TenantId tenant, Collection<ContactPoint> contactPoints) {
        return contactPoints.isEmpty() ? Map.of() : keys.minorFlags(tenant, contactPoints);
    }

    @Override
    public void saveMinorFlag(TenantId tenant, MinorFlag flag) {
        keys.flagMinor(tenant, flag);
    }

    @Override
    public void removeMinorFlag(TenantId tenant, ContactPoint contactPoint) {
        keys.unflagMinor(tenant, contactPoint);
    }

    @Override
    public Optional<Contact> find(TenantId tenant, TechnicalId contactId) {
        return Optional.ofNullable(contacts.find(Filters.eq("_id", MongoStore.id(tenant, contactId.value()))).first())
                .map(doc -> revealed(tenant, doc));
    }

    @Override
    public Map<TechnicalId, Contact> findAll(TenantId tenant, Collection<TechnicalId> contactIds) {
        var found = new HashMap<TechnicalId, Contact>();
        contacts.find(Filters.in("_id", contactIds.stream().map(id -> MongoStore.id(tenant, id.value())).toList()))
                .forEach(doc -> {
                    Contact contact = contact(doc, ContactPointKeys::withheld);
                    found.put(contact.id(), contact);
                });
        return found;
    }

    /**
     * Its contact points by pseudonym and ciphertext, never by address (ADR 37); each gets its
     * data key if it has none yet. A contact point known only by pseudonym keeps what it had.
     */
    @Override
    public void save(Contact contact) {
        var flags = contact.flags();
        Map<ContactPoint, SealedAddress> sealed = keys.sealAll(contact.tenant(), contact.contactPoints());
        contacts.replaceOne(Filters.eq("_id", MongoStore.id(contact.tenant(), contact.id().value())),
                new Document("_id", MongoStore.id(contact.tenant(), contact.id().value()))
                        .append("tenant", contact.tenant().value())
                        .append("contactId", contact.id().value())
                        .append("type", contact.type().name())
                        .append("flags", new Document("doNotEmail", flags.doNotEmail())
                                .append("doNotBulkEmail", flags.doNotBulkEmail())
                                .append("doNotTrack", flags.doNotTrack()))
                        .append("contactPoints", contact.contactPoints().stream()
                                .map(cp -> new Document("channel", cp.channel().toString())
                                        .append("pseudonym", sealed.get(cp).pseudonym())
                                        .append("ciphertext", sealed.get(cp).ciphertext()))
                                .toList()),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void withLegacyFlagsSet(TenantId tenant, Consumer<Contact> each) {
        contacts.find(Filters.and(Filters.eq("tenant", tenant.value()), Filters.eq("type", EntityType.CONTACT.name()),
                        Filters.or(Filters.eq("flags.doNotEmail", true), Filters.eq("flags.doNotBulkEmail", true),
                                Filters.eq("flags.doNotTrack", true))))
                .batchSize(1000).forEach(doc -> each.accept(contact(doc, ContactPointKeys::withheld)));
    }

    /** The contact with its addresses decrypted from the ciphertexts it holds, in one read of their data keys. */
    private Contact revealed(TenantId tenant, Document doc) {
        List<SealedAddress> sealed = doc.getList("contactPoints", Document.class).stream()
                .map(cp -> new SealedAddress(cp.getString("pseudonym"), cp.getString("ciphertext"))).toList();
        Map<SealedAddress, String> addresses = keys.addresses(tenant, sealed);
        return contact(doc, (channel, pseudonym) -> {
            SealedAddress point = sealed.stream().filter(s -> s.pseudonym().equals(pseudonym)).findFirst().orElseThrow();
            String address = addresses.get(point);
            return address == null ? ContactPointKeys.withheld(channel, pseudonym)
                    : new ContactPoint(new Channel(new TechnicalId(channel)), address);
        });
    }

    private static Contact contact(Document doc, BiFunction<String, String, ContactPoint> point) {
        Document flags = doc.get("flags", Document.class);
        return new Contact(new TenantId(doc.getString("tenant")), new TechnicalId(doc.getString("contactId")),
                EntityType.valueOf(doc.getString("type")),
                new LegacyFlags(flags.getBoolean("doNotEmail"), flags.getBoolean("doNotBulkEmail"), flags.getBoolean("doNotTrack")),
                doc.getList("contactPoints", Document.class).stream()
                        .map(cp -> cp.containsKey("pseudonym") ? point.apply(cp.getString("channel"), cp.getString("pseudonym"))
                                // written before pseudonyms: the migration rewrites it
                                : new ContactPoint(new Channel(new TechnicalId(cp.getString("channel"))), cp.getString("address")))
                        .toList());
    }
}
