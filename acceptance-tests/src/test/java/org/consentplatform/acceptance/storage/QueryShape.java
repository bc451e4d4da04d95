package org.consentplatform.acceptance.storage;

import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an index is chosen by: the collection, the operation, the filter with its values replaced
 * by {@code "?"} (booleans and nulls kept: a partial index's filter names them), the sort, and
 * whether the command stops after a number of documents (a limit).
 */
record QueryShape(String collection, String operation, BsonDocument filter, BsonDocument sort, boolean limited) {

    private static final BsonString VALUE = new BsonString("?");
    private static final Set<String> LOGICAL = Set.of("$and", "$or", "$nor");

    /** The shapes one command carries: none for commands that read or write nothing by a filter, several for a bulk. */
    static List<QueryShape> of(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String operation = event.getCommandName();
        if (!command.isString(operation)) {
            return List.of();
        }
        String collection = command.getString(operation).getValue();
        var shapes = new ArrayList<QueryShape>();
        switch (operation) {
            case "find" -> shapes.add(shape(collection, operation, command.getDocument("filter", new BsonDocument()),
                    command.getDocument("sort", new BsonDocument()), command.isNumber("limit") && command.getNumber("limit").longValue() > 0));
            case "count" -> shapes.add(shape(collection, operation, command.getDocument("query", new BsonDocument()),
                    new BsonDocument(), false));
            // the values of one key, which an index leading with it gives in its order: written as a sort on the key
            case "distinct" -> shapes.add(shape(collection, operation, command.getDocument("query", new BsonDocument()),
                    new BsonDocument(command.getString("key").getValue(), new org.bson.BsonInt32(1)), false));
            case "findAndModify" -> shapes.add(shape(collection, operation, command.getDocument("query", new BsonDocument()),
                    command.getDocument("sort", new BsonDocument()), false));
            case "update", "delete" -> {
                // the driver sends a bulk's statements as a document sequence, which the event folds into an array
                for (BsonValue statement : command.getArray(operation + "s", new BsonArray())) {
                    shapes.add(shape(collection, operation, statement.asDocument().getDocument("q", new BsonDocument()),
                            new BsonDocument(), false));
                }
            }
            case "aggregate" -> {
                List<BsonValue> pipeline = command.getArray("pipeline", new BsonArray());
                BsonDocument filter = new BsonDocument();
                BsonDocument sort = new BsonDocument();
                int next = 0;
                if (next < pipeline.size() && pipeline.get(next).asDocument().containsKey("$match")) {
                    filter = pipeline.get(next++).asDocument().getDocument("$match");
                }
                if (next < pipeline.size() && pipeline.get(next).asDocument().containsKey("$sort")) {
                    sort = pipeline.get(next).asDocument().getDocument("$sort");
                }
                shapes.add(shape(collection, operation, filter, sort, false));
            }
            default -> {
            }
        }
        return shapes;
    }

    private static QueryShape shape(String collection, String operation, BsonDocument filter, BsonDocument sort, boolean limited) {
        return new QueryShape(collection, operation, normalised(filter), sort.clone(), limited);
    }

    private static BsonDocument normalised(BsonDocument filter) {
        var shape = new BsonDocument();
        filter.forEach((field, value) -> {
            if (LOGICAL.contains(field)) {
                var clauses = new BsonArray();
                value.asArray().forEach(clause -> clauses.add(normalised(clause.asDocument())));
                shape.put(field, clauses);
            } else if (value.isDocument() && !value.asDocument().isEmpty() && value.asDocument().getFirstKey().startsWith("$")) {
                var operators = new BsonDocument();
                value.asDocument().forEach((operator, operand) -> operators.put(operator, kept(operand)));
                shape.put(field, operators);
            } else {
                shape.put(field, kept(value));
            }
        });
        return shape;
    }

    private static BsonValue kept(BsonValue value) {
        return value.isBoolean() || value.isNull() ? value : VALUE;
    }

    String toJson() {
        return new BsonDocument("collection", new BsonString(collection)).append("operation", new BsonString(operation))
                .append("filter", filter).append("sort", sort).append("limited", BsonBoolean.valueOf(limited)).toJson();
    }

    static QueryShape parse(String json) {
        BsonDocument doc = BsonDocument.parse(json);
        return new QueryShape(doc.getString("collection").getValue(), doc.getString("operation").getValue(),
                doc.getDocument("filter"), doc.getDocument("sort"), doc.getBoolean("limited").getValue());
    }

    @Override
    public String toString() {
        return operation + " " + collection + " " + filter.toJson() + (sort.isEmpty() ? "" : " sort " + sort.toJson())
                + (limited ? " limit" : "");
    }
}
