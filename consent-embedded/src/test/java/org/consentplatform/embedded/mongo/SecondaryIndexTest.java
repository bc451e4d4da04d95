package org.consentplatform.embedded.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which queries the declared indexes serve on the embedded server, and which they leave to a scan. */
class SecondaryIndexTest {

    private static Index<Integer> declared(String collection, String name, String... keys) {
        return DeclaredIndexes.secondary(collection, name, java.util.Arrays.stream(keys).map(key -> new IndexKey(key, true)).toList());
    }

    @Test
    void theRelaysQueryForUnpublishedChangesIsServedByItsPartialIndex() {
        Index<Integer> unpublished = declared("consent_changes", "unpublished", "recordedAt", "seq");
        unpublished.add(new Document("_id", "a").append("published", false), 1, null);
        unpublished.add(new Document("_id", "b").append("published", true), 2, null);

        assertThat(unpublished.canHandle(new Document("published", false))).isTrue();
        assertThat(unpublished.getPositions(new Document("published", false))).containsExactly(1);
        assertThat(unpublished.canHandle(new Document("published", true))).as("the index holds no published change").isFalse();
        assertThat(unpublished.canHandle(new Document("recordedAt", new Document("$lt", 5)))).isFalse();

        unpublished.updateInPlace(new Document("_id", "a").append("published", false), new Document("_id", "a").append("published", true), 1, null);
        assertThat(unpublished.getPositions(new Document("published", false))).isEmpty();
    }

    @Test
    void aContactPointsHistoryIsServedByItsTwoLeadingKeys() {
        Index<Integer> history = declared("consent_changes", "contact_point_history", "tenant", "contactPoint", "recordedAt", "_id");
        history.add(new Document("_id", "a").append("tenant", "t").append("contactPoint", "p"), 1, null);
        history.add(new Document("_id", "b").append("tenant", "t").append("contactPoint", "q"), 2, null);
        history.add(new Document("_id", "c").append("tenant", "u").append("contactPoint", "p"), 3, null);

        assertThat(history.getPositions(new Document("tenant", "t").append("contactPoint", "p"))).containsExactly(1);
        assertThat(history.getPositions(new Document("tenant", "t").append("contactPoint", new Document("$in", List.of("p", "q")))))
                .containsExactlyInAnyOrder(1, 2);
        assertThat(history.canHandle(new Document("tenant", "t"))).as("one key alone").isFalse();
        assertThat(history.canHandle(new Document("tenant", "t").append("contactPoint", new Document("$ne", "p")))).isFalse();
        assertThat(history.canHandle(new Document("tenant", "t").append("contactPoint", null))).as("null also matches a missing field").isFalse();
        assertThat(history.canHandle(new Document("tenant", "t").append("contactPoint", List.of("p")))).as("a whole array").isFalse();

        assertThat(history.getPositions(new Document("$and", List.of(new Document("tenant", "t"), new Document("contactPoint", "q")))))
                .as("Filters.and, as the driver writes it").containsExactly(2);

        history.remove(new Document("_id", "a").append("tenant", "t").append("contactPoint", "p"));
        assertThat(history.getPositions(new Document("tenant", "t").append("contactPoint", "p"))).isEmpty();
    }

    @Test
    void anArrayFieldIsHashedByEachOfItsValues() {
        Index<Integer> contacts = declared("contacts", "tenant_pseudonym", "tenant", "contactPoints.pseudonym");
        contacts.add(new Document("_id", "a").append("tenant", "t")
                .append("contactPoints", List.of(new Document("pseudonym", "p"), new Document("pseudonym", "q"))), 1, null);

        assertThat(contacts.getPositions(new Document("tenant", "t").append("contactPoints.pseudonym", "q"))).containsExactly(1);
        assertThat(contacts.getPositions(new Document("tenant", "t").append("contactPoints.pseudonym", "p"))).containsExactly(1);
    }

    @Test
    void theIdIndexAlsoServesAnIdBesideOtherConditions() {
        var lookup = new PrimaryKeyLookup<>(new de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex("_id_",
                List.of(new IndexKey("_id", true)), false));
        lookup.add(new Document("_id", "a").append("holder", "x"), 1, null);
        lookup.add(new Document("_id", "b").append("holder", "y"), 2, null);

        var upsertFilter = new Document("$and", List.of(new Document("_id", "b"), new Document("dataKey", new Document("$exists", false))));
        assertThat(lookup.canHandle(upsertFilter)).isTrue();
        assertThat(lookup.getPositions(upsertFilter)).containsExactly(2);
        assertThat(lookup.getPositions(new Document("_id", new Document("$in", List.of("a", "b", "z"))).append("holder", "x")))
                .as("the other conditions are the server's to apply").containsExactlyInAnyOrder(1, 2);
        assertThat(lookup.canHandle(new Document("holder", "x"))).isFalse();
    }

    @Test
    void indexesTheEmbeddedServerCannotServeAreLeftToScans() {
        assertThat(declared("import_errors", "reported", "reportedAt")).as("a date range").isNull();
        assertThat(declared("consent_changes", "tenant_history", "tenant", "recordedAt", "_id")).as("a tenant's whole history").isNull();
        assertThat(declared("consent_changes", "undeclared", "x")).isNull();
    }
}
