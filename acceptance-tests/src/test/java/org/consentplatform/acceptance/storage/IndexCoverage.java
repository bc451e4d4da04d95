package org.consentplatform.acceptance.storage;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.consentplatform.adapter.out.mongo.MongoStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether MongoDB serves a query shape from an index, by its rules: an index serves a query when
 * its filter implies the index's partial filter, its leading keys are bound by equalities (or
 * {@code $in}), the sort (its fields not bound by an equality) follows on the next keys in one
 * direction, and then a range may bound the next key (equality, sort, range). Every collection
 * has its primary index on {@code _id}. An index that bounds nothing but gives the sort serves a
 * query that stops after a few documents (a limit), or the distinct values of its first key. A
 * filter on keys no index leads with, or a sort no index gives, is a collection scan or an
 * in-memory sort on a real cluster, whatever the embedded server made of it in the tests.
 */
final class IndexCoverage {

    private static final Set<String> RANGE = Set.of("$lt", "$lte", "$gt", "$gte");
    private static final Set<String> EQUALITY = Set.of("$eq", "$in");

    private final List<Declared> indexes;

    private IndexCoverage(List<Declared> indexes) {
        this.indexes = indexes;
    }

    /** An index of a collection: its keys in order with their directions, and the filter it is limited to (empty if none). */
    record Declared(String collection, String name, LinkedHashMap<String, Integer> keys, BsonDocument partial) {
    }

    /** The indexes {@link MongoStore} declares, and those the driver's GridFS creates for the buckets it writes. */
    static IndexCoverage ofTheStore() {
        var declared = new ArrayList<Declared>();
        for (MongoStore.Index index : MongoStore.indexes()) {
            BsonDocument partial = index.options().getPartialFilterExpression() == null ? new BsonDocument()
                    : index.options().getPartialFilterExpression().toBsonDocument();
            declared.add(new Declared(index.collection(), index.options().getName(), keys(index.keys().toBsonDocument()), partial));
        }
        for (String bucket : List.of("import_files")) {
            declared.add(new Declared(bucket + ".chunks", "files_id_1_n_1", keys(BsonDocument.parse("{files_id: 1, n: 1}")), new BsonDocument()));
            declared.add(new Declared(bucket + ".files", "filename_1_uploadDate_1",
                    keys(BsonDocument.parse("{filename: 1, uploadDate: 1}")), new BsonDocument()));
        }
        return new IndexCoverage(declared);
    }

    static IndexCoverage of(List<Declared> indexes) {
        return new IndexCoverage(indexes);
    }

    static LinkedHashMap<String, Integer> keys(BsonDocument keys) {
        var ordered = new LinkedHashMap<String, Integer>();
        keys.forEach((field, direction) -> ordered.put(field, direction.asNumber().intValue()));
        return ordered;
    }

    /** The index that serves the shape, if one does; reading the first documents of no filter in no order needs none. */
    Optional<String> servedBy(QueryShape shape) {
        if (shape.limited() && shape.filter().isEmpty() && shape.sort().isEmpty()) {
            return Optional.of("(the first documents, no filter)");
        }
        // a walk along an index in its order, reading only as far as needed
        boolean orderAlone = shape.limited() || (shape.operation().equals("distinct") && shape.filter().isEmpty());
        List<BsonDocument> branches = branches(shape.filter());
        var names = new ArrayList<String>();
        for (BsonDocument branch : branches) {
            Optional<String> index = servedBranch(shape.collection(), branch, shape.sort(), orderAlone);
            if (index.isEmpty()) {
                return Optional.empty();
            }
            names.add(index.get());
        }
        return Optional.of(String.join(" + ", names.stream().distinct().toList()));
    }

    /** The filter as conjunctions of field predicates: {@code $and} flattened, each {@code $or} clause a branch of its own. */
    private static List<BsonDocument> branches(BsonDocument filter) {
        List<BsonDocument> branches = new ArrayList<>(List.of(new BsonDocument()));
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            switch (entry.getKey()) {
                case "$and" -> {
                    for (BsonValue clause : entry.getValue().asArray()) {
                        List<BsonDocument> widened = new ArrayList<>();
                        for (BsonDocument branch : branches) {
                            for (BsonDocument sub : branches(clause.asDocument())) {
                                widened.add(merged(branch, sub));
                            }
                        }
                        branches = widened;
                    }
                }
                case "$or" -> {
                    List<BsonDocument> widened = new ArrayList<>();
                    for (BsonDocument branch : branches) {
                        for (BsonValue clause : entry.getValue().asArray()) {
                            for (BsonDocument sub : branches(clause.asDocument())) {
                                widened.add(merged(branch, sub));
                            }
                        }
                    }
                    branches = widened;
                }
                default -> branches.forEach(branch -> branch.put(entry.getKey(), entry.getValue()));
            }
        }
        return branches;
    }

    private static BsonDocument merged(BsonDocument a, BsonDocument b) {
        var merged = a.clone();
        b.forEach((field, value) -> merged.put(field, value));
        return merged;
    }

    private Optional<String> servedBranch(String collection, BsonDocument filter, BsonDocument sort, boolean orderAlone) {
        if (bound(filter, "_id") != Bound.NONE && (sort.isEmpty() || sort.keySet().equals(Set.of("_id")))) {
            return Optional.of("_id");
        }
        return indexes.stream()
                .filter(index -> index.collection().equals(collection))
                .filter(index -> serves(index, filter, sort, orderAlone))
                .map(Declared::name)
                .findFirst();
    }

    private static boolean serves(Declared index, BsonDocument filter, BsonDocument sort, boolean orderAlone) {
        if (!implies(filter, index.partial())) {
            return false;
        }
        List<String> keys = new ArrayList<>(index.keys().keySet());
        boolean bounded = !index.partial().isEmpty();
        int next = 0;
        while (next < keys.size() && bound(filter, keys.get(next)) == Bound.EQUALITY) {
            next++;
            bounded = true;
        }
        Integer direction = null;
        for (Map.Entry<String, BsonValue> field : sort.entrySet()) {
            if (bound(filter, field.getKey()) == Bound.EQUALITY) {
                continue;
            }
            if (next >= keys.size() || !keys.get(next).equals(field.getKey())) {
                return false;
            }
            int relative = Integer.signum(field.getValue().asNumber().intValue() * index.keys().get(keys.get(next)));
            if (direction != null && direction != relative) {
                return false;
            }
            direction = relative;
            next++;
        }
        if (!bounded && next == 0 && !keys.isEmpty()) {
            bounded = bound(filter, keys.getFirst()) == Bound.RANGE;
        }
        return bounded || (direction != null && orderAlone);
    }

    private enum Bound { EQUALITY, RANGE, NONE }

    private static Bound bound(BsonDocument filter, String field) {
        BsonValue predicate = filter.get(field);
        if (predicate == null) {
            return Bound.NONE;
        }
        if (!predicate.isDocument() || predicate.asDocument().isEmpty() || !predicate.asDocument().getFirstKey().startsWith("$")) {
            return Bound.EQUALITY;
        }
        Set<String> operators = predicate.asDocument().keySet();
        if (operators.stream().anyMatch(EQUALITY::contains)) {
            return Bound.EQUALITY;
        }
        if (operators.stream().anyMatch(RANGE::contains)
                || (operators.contains("$regex") && predicate.asDocument().get("$regex").isString())) {
            return Bound.RANGE;
        }
        return Bound.NONE;
    }

    /** Whether every predicate of an index's partial filter is in the query's filter as well. */
    private static boolean implies(BsonDocument filter, BsonDocument partial) {
        for (Map.Entry<String, BsonValue> predicate : partial.entrySet()) {
            BsonValue asked = filter.get(predicate.getKey());
            if (asked == null) {
                return false;
            }
            boolean existsWanted = predicate.getValue().isDocument() && predicate.getValue().asDocument().containsKey("$exists");
            if (existsWanted && predicate.getValue().asDocument().getBoolean("$exists").getValue()
                    && bound(filter, predicate.getKey()) == Bound.EQUALITY && !asked.isNull()) {
                continue;
            }
            if (!asked.equals(kept(predicate.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** A partial filter in the form a recorded shape has (values other than booleans and nulls are {@code "?"}). */
    private static BsonValue kept(BsonValue value) {
        if (value.isDocument()) {
            var operators = new BsonDocument();
            value.asDocument().forEach((operator, operand) -> operators.put(operator, kept(operand)));
            return operators;
        }
        return value.isBoolean() || value.isNull() ? value : new org.bson.BsonString("?");
    }
}
