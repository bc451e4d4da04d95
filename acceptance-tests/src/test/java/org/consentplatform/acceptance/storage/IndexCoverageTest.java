package org.consentplatform.acceptance.storage;

import org.bson.BsonDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MongoDB's rules as the suite's index check applies them, on indexes of the store's kinds. */
class IndexCoverageTest {

    private static final IndexCoverage COVERAGE = IndexCoverage.of(List.of(
            declared("history", "{tenant: 1, contactPoint: 1, recordedAt: 1, _id: 1}", "{}"),
            declared("unpublished", "{recordedAt: 1, seq: 1}", "{published: false}"),
            declared("suppressed", "{createdAt: 1}", "{suppressed: {$exists: true}}")));

    private static IndexCoverage.Declared declared(String name, String keys, String partial) {
        return new IndexCoverage.Declared("changes", name, IndexCoverage.keys(BsonDocument.parse(keys)), BsonDocument.parse(partial));
    }

    @org.junit.jupiter.api.Test
    void anIndexThatBoundsNothingServesOnlyWhatStopsEarlyOrTheDistinctValuesOfItsFirstKey() {
        var firstOfTheLog = new QueryShape("changes", "find", BsonDocument.parse("{kind: '?'}"), BsonDocument.parse("{tenant: 1}"), true);
        var wholeLogInOrder = new QueryShape("changes", "find", BsonDocument.parse("{kind: '?'}"), BsonDocument.parse("{tenant: 1}"), false);
        var tenants = new QueryShape("changes", "distinct", new BsonDocument(), BsonDocument.parse("{tenant: 1}"), false);
        var someTenants = new QueryShape("changes", "distinct", BsonDocument.parse("{kind: '?'}"), BsonDocument.parse("{tenant: 1}"), false);

        assertThat(COVERAGE.servedBy(firstOfTheLog)).contains("history");
        assertThat(COVERAGE.servedBy(wholeLogInOrder)).isEmpty();
        assertThat(COVERAGE.servedBy(tenants)).contains("history");
        assertThat(COVERAGE.servedBy(someTenants)).isEmpty();
    }

    @ParameterizedTest(name = "{0} sort {1} → {2}")
    @CsvSource(delimiter = ';', value = {
            // the primary index
            "{_id: '?'}; {}; _id",
            "{_id: {$in: '?'}}; {}; _id",
            "{_id: '?', seq: '?'}; {}; _id",
            // equalities on a prefix, then the sort, then a range (equality, sort, range)
            "{tenant: '?'}; {}; history",
            "{tenant: '?', contactPoint: '?'}; {recordedAt: 1, _id: 1}; history",
            "{tenant: '?', contactPoint: '?'}; {recordedAt: -1, _id: -1}; history",
            "{tenant: '?', contactPoint: '?', recordedAt: {$lt: '?'}}; {recordedAt: -1, _id: -1}; history",
            "{tenant: {$in: '?'}, contactPoint: '?', kind: '?'}; {}; history",
            "{$and: [{tenant: '?'}, {contactPoint: '?'}]}; {}; history",
            "{$or: [{_id: '?'}, {tenant: '?'}]}; {}; _id + history",
            // a partial index only for a filter that implies its own
            "{published: false}; {recordedAt: 1, seq: 1}; unpublished",
            "{suppressed: {$exists: true}, createdAt: {$lt: '?'}}; {}; suppressed",
            // what no index serves
            "{contactPoint: '?'}; {}; ",
            "{published: true}; {recordedAt: 1, seq: 1}; ",
            "{tenant: '?'}; {contactPoint: 1, _id: 1}; ",
            "{tenant: '?', contactPoint: '?'}; {recordedAt: 1, _id: -1}; ",
            "{tenant: '?', contactPoint: {$ne: '?'}}; {recordedAt: 1}; ",
            "{$or: [{_id: '?'}, {contactPoint: '?'}]}; {}; ",
            "{}; {}; ",
            "{createdAt: {$lt: '?'}}; {}; ",
    })
    void anIndexServesAQueryByMongoDbsRules(String filter, String sort, String servedBy) {
        var shape = new QueryShape("changes", "find", BsonDocument.parse(filter), BsonDocument.parse(sort), false);

        assertThat(COVERAGE.servedBy(shape)).as(shape.toString()).isEqualTo(java.util.Optional.ofNullable(servedBy));
    }
}
