package org.consentplatform.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A non-unique index for the embedded MongoDB-wire server, which has none of its own: the
 * positions of the documents, hashed by the values of the index's leading keys, and for a
 * partial index only of the documents its filter matches. It serves a query that binds every
 * hashed key by an equality (or {@code $in}) and implies the partial filter; the server then
 * applies the whole filter and the sort to those documents alone. Handing it more documents than
 * match is harmless, fewer never happens: an index that cannot tell declines the query, and the
 * server scans as before.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final KeyValue WHOLE_INDEX = new KeyValue("*");
    private static final DefaultQueryMatcher MATCHER = new DefaultQueryMatcher();
    private static final Index<Object> VALUE = new EmptyIndex<>("value", List.of(new IndexKey("v", true)));

    private final Document partial;
    /** Extracts, normalised, the values of the hashed keys from a document (the way unique indexes do). */
    private final Index<P> hashed;
    private final List<String> hashedKeys;
    private final Map<KeyValue, Map<Object, P>> positions = new HashMap<>();
    private long entries;

    /**
     * @param partial    the filter of a partial index, or null
     * @param hashedKeys how many leading keys are hashed; 0 for a partial index served as a whole
     */
    SecondaryIndex(String name, List<IndexKey> keys, Document partial, int hashedKeys) {
        super(name, keys, true); // sparse: the server then takes a document it holds no position of from the other indexes
        if (hashedKeys == 0 && partial == null) {
            throw new IllegalArgumentException("index " + name + " would serve no query");
        }
        this.partial = partial;
        this.hashed = new EmptyIndex<>(name, keys.subList(0, Math.max(hashedKeys, 1)));
        this.hashedKeys = keys.subList(0, hashedKeys).stream().map(IndexKey::getKey).toList();
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        Document conjunction = conjunction(query);
        return (partial == null || implied(conjunction)) && lookups(conjunction) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        var found = new LinkedHashSet<P>(); // a document under two of the values asked for is handed over once
        for (KeyValue key : lookups(conjunction(query))) {
            Map<Object, P> documents = positions.get(key);
            if (documents != null) {
                found.addAll(documents.values());
            }
        }
        return found;
    }

    /**
     * The query's predicates with those of its {@code $and} clauses (as the driver writes
     * {@code Filters.and}) brought to the top; of two on one field the first is kept, which
     * can only widen what the index hands over.
     */
    static Document conjunction(Document query) {
        if (!(query.get("$and") instanceof Collection<?> clauses)) {
            return query;
        }
        var flat = new Document();
        query.forEach((field, predicate) -> {
            if (!field.equals("$and")) {
                flat.putIfAbsent(field, predicate);
            }
        });
        for (Object clause : clauses) {
            if (clause instanceof Document predicates) {
                conjunction(predicates).forEach(flat::putIfAbsent);
            }
        }
        return flat;
    }

    /** The hashed values a query asks for, every combination of its {@code $in} lists; null when it does not bind them all. */
    private List<KeyValue> lookups(Document query) {
        if (hashedKeys.isEmpty()) {
            return List.of(WHOLE_INDEX);
        }
        List<List<Object>> combinations = List.of(List.of());
        for (String key : hashedKeys) {
            List<Object> values = equalities(query.get(key));
            if (values == null) {
                return null;
            }
            var widened = new ArrayList<List<Object>>(combinations.size() * values.size());
            for (List<Object> combination : combinations) {
                for (Object value : values) {
                    var longer = new ArrayList<>(combination);
                    longer.add(normalised(value));
                    widened.add(longer);
                }
            }
            combinations = widened;
        }
        return combinations.stream().map(KeyValue::new).toList();
    }

    /** A value as the server normalises the values it indexes (numbers of any type alike, and so on). */
    private static Object normalised(Object value) {
        return VALUE.getKeyValues(new Document("v", value)).iterator().next().get(0);
    }

    /**
     * The values an equality predicate accepts, or null when it is not one this index can
     * answer: arrays (MongoDB also matches a whole array), documents, nulls (which match
     * missing fields too) and patterns are left to a scan.
     */
    static List<Object> equalities(Object predicate) {
        if (predicate instanceof Document operators && operators.size() == 1) {
            if (operators.containsKey("$eq")) {
                return equalities(operators.get("$eq"));
            }
            if (operators.get("$in") instanceof Collection<?> values) {
                var accepted = new ArrayList<>(values.size());
                for (Object value : values) {
                    if (!plain(value)) {
                        return null;
                    }
                    accepted.add(value);
                }
                return accepted;
            }
            return null;
        }
        return plain(predicate) ? List.of(predicate) : null;
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>) && !(value instanceof Pattern)
                && !value.getClass().getSimpleName().equals("BsonRegularExpression");
    }

    /** Whether every predicate of the partial filter is in the query as it stands there. */
    private boolean implied(Document query) {
        for (String field : partial.keySet()) {
            Object wanted = partial.get(field);
            Object asked = query.get(field);
            boolean sameValue = asked != null && asked.equals(wanted);
            boolean existing = wanted instanceof Document exists && Boolean.TRUE.equals(exists.get("$exists"))
                    && asked != null && equalities(asked) != null;
            if (!sameValue && !existing) {
                return false;
            }
        }
        return true;
    }

    private boolean holds(Document document) {
        return partial == null || MATCHER.matches(document, partial);
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (!holds(document)) {
            return;
        }
        Object id = document.get("_id");
        for (KeyValue key : keysOf(document)) {
            if (positions.computeIfAbsent(key, any -> new HashMap<>(2)).put(id, position) == null) {
                entries++;
            }
        }
    }

    @Override
    public synchronized P remove(Document document) {
        Object id = document.get("_id");
        for (KeyValue key : keysOf(document)) {
            Map<Object, P> documents = positions.get(key);
            if (documents != null && documents.remove(id) != null) {
                entries--;
                if (documents.isEmpty()) {
                    positions.remove(key);
                }
            }
        }
        return null; // the primary index says where the document is
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    private Set<KeyValue> keysOf(Document document) {
        return hashedKeys.isEmpty() ? Set.of(WHOLE_INDEX) : hashed.getKeyValues(document);
    }

    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: any document may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: any update may be made
    }

    @Override
    public synchronized long getCount() {
        return entries;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positions.clear();
        entries = 0;
    }
}
