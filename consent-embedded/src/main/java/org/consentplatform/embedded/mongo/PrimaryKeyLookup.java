package org.consentplatform.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A collection's {@code _id} index that also serves a query binding {@code _id} beside other
 * conditions: the embedded server uses a unique index only for a query on exactly its keys, so
 * {@code {_id: x, holder: y}} or the driver's {@code $and} of an {@code _id} and anything else
 * (a conditional upsert, a lease taken) scanned the whole collection. Here each {@code _id}
 * asked for is looked up in the index itself and the server applies the rest of the filter to
 * those documents. Everything else is the server's own index, unchanged.
 */
final class PrimaryKeyLookup<P> extends Index<P> {

    private final Index<P> primary;

    PrimaryKeyLookup(Index<P> primary) {
        super(primary.getName(), primary.getKeys(), false);
        this.primary = primary;
    }

    @Override
    public boolean canHandle(Document query) {
        return primary.canHandle(query) || ids(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (primary.canHandle(query)) {
            return primary.getPositions(query);
        }
        var found = new LinkedHashSet<P>();
        for (Object id : ids(query)) {
            P position = primary.getPosition(new Document("_id", id));
            if (position != null) {
                found.add(position);
            }
        }
        return found;
    }

    /** The {@code _id} values the query binds by equality (also inside {@code $and}), or null. */
    private static List<Object> ids(Document query) {
        return SecondaryIndex.equalities(SecondaryIndex.conjunction(query).get("_id"));
    }

    @Override
    public P getPosition(Document document) {
        return primary.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        primary.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        primary.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return primary.remove(document);
    }

    @Override
    public long getCount() {
        return primary.getCount();
    }

    @Override
    public long getDataSize() {
        return primary.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        primary.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        primary.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        primary.drop();
    }

    @Override
    public boolean isUnique() {
        return primary.isUnique();
    }

    @Override
    public boolean hasSameOptions(Index<?> other) {
        return primary.hasSameOptions(other instanceof PrimaryKeyLookup<?> lookup ? lookup.primary : other);
    }

    @Override
    public Document toIndexDescription() {
        return primary.toIndexDescription();
    }
}
