package org.consentplatform.embedded.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.consentplatform.adapter.out.mongo.MongoStore;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The indexes the store declares ({@link MongoStore#indexes()}), as the embedded server builds
 * them: by collection and name it finds how many keys to hash and the partial filter, which
 * the wire protocol's index description does not carry to the backend.
 */
final class DeclaredIndexes {

    private static final Map<String, MongoStore.Index> BY_NAME = MongoStore.indexes().stream()
            .collect(Collectors.toMap(index -> index.collection() + "/" + index.options().getName(), Function.identity()));

    private DeclaredIndexes() {
    }

    /** The index to serve a secondary index by, or null where the store declared none the server can serve. */
    static <P> Index<P> secondary(String collection, String name, List<IndexKey> keys) {
        MongoStore.Index declared = BY_NAME.get(collection + "/" + name);
        if (declared == null) {
            return null;
        }
        Document partial = declared.options().getPartialFilterExpression() == null ? null
                : document(declared.options().getPartialFilterExpression().toBsonDocument());
        if (partial == null && declared.hashedKeys() == 0) {
            return null;
        }
        return new SecondaryIndex<>(name, keys, partial, declared.hashedKeys());
    }

    /** How many leading keys of a declared unique index the store's queries also bind alone (0 if none). */
    static int prefixOfUnique(String collection, String name) {
        MongoStore.Index declared = BY_NAME.get(collection + "/" + name);
        return declared == null ? 0 : declared.hashedKeys();
    }

    private static Document document(BsonDocument bson) {
        var document = new Document();
        bson.forEach((field, value) -> document.put(field, value(value)));
        return document;
    }

    private static Object value(BsonValue value) {
        return switch (value.getBsonType()) {
            case DOCUMENT -> document(value.asDocument());
            case BOOLEAN -> value.asBoolean().getValue();
            case STRING -> value.asString().getValue();
            case INT32 -> value.asInt32().getValue();
            case INT64 -> value.asInt64().getValue();
            case NULL -> null;
            default -> throw new IllegalArgumentException("a partial filter of the store holds a " + value.getBsonType());
        };
    }
}
