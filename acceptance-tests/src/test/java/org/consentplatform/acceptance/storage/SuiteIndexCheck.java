package org.consentplatform.acceptance.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run by its own surefire execution once every other test of the module has run: every query
 * shape the suite's services sent their store ({@code SuiteQueries}) must be served by an index
 * the store declares, by MongoDB's rules ({@link IndexCoverage}). A new query without an index
 * fails the build here, though the embedded server, which ignores secondary indexes, answered it.
 */
class SuiteIndexCheck {

    private static final String PSEUDONYM_MIGRATION = "the pseudonym migration (ADR 37) looking for documents a version before "
            + "it wrote: at start-up, until it finds none (then a marker in migrations stops it)";
    private static final String SMALL = "a collection of a handful of documents by design";

    /** Collection scans made on purpose, each with the reason it is one. */
    private static final Map<String, String> SCANS_ON_PURPOSE = Map.ofEntries(
            Map.entry("delete idempotency_keys {\"response\": {\"$type\": \"?\"}}", PSEUDONYM_MIGRATION),
            Map.entry("find confirmation_requests {\"key.address\": {\"$exists\": true}}", PSEUDONYM_MIGRATION),
            Map.entry("find contacts {\"contactPoints.address\": {\"$exists\": true}}", PSEUDONYM_MIGRATION),
            Map.entry("distinct consent_records {\"key.address\": {\"$exists\": true}} sort {\"tenant\": 1}", PSEUDONYM_MIGRATION),
            Map.entry("find minor_contact_points {}", PSEUDONYM_MIGRATION),
            Map.entry("find subject_keys {}", PSEUDONYM_MIGRATION),
            Map.entry("update consent_changes {\"counted\": {\"$exists\": false}}",
                    "report counters' migration (MongoStore.migrate): once per store, then a marker in migrations stops it"),
            Map.entry("find migrations {\"$and\": [{\"name\": \"?\"}, {\"completedAt\": {\"$ne\": null}}, {\"headsRetired\": {\"$ne\": true}}]}",
                    SMALL + ": one per migration and tenant"),
            Map.entry("find migrations {\"$and\": [{\"name\": \"?\"}, {\"headsRetired\": {\"$ne\": true}}]} limit",
                    SMALL + ": one per migration and tenant"),
            Map.entry("find migrations {\"$and\": [{\"tenant\": \"?\"}, {\"completedAt\": {\"$ne\": null}}]} sort {\"completedAt\": 1}",
                    SMALL + ": one per migration and tenant"),
            Map.entry("find report_batches {\"changeIds\": {\"$exists\": true}} sort {\"_id\": 1}",
                    SMALL + ": the counting job's sequence and the batches it has in flight, deleted once applied"));

    @Test
    void everyQueryTheSuiteSentIsServedByADeclaredIndex() throws IOException {
        Path directory = Path.of(System.getProperty(SuiteQueries.DIRECTORY, "target/suite-queries/unnamed"));
        assertThat(directory).as("the query shapes SuiteQueries wrote when the suite ended").isDirectory();
        var shapes = new TreeSet<QueryShape>(java.util.Comparator.comparing(QueryShape::toString));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.readAllLines(file).forEach(line -> shapes.add(QueryShape.parse(line)));
            }
        }
        assertThat(shapes).as("query shapes recorded").hasSizeGreaterThan(50);

        IndexCoverage coverage = IndexCoverage.ofTheStore();
        List<String> unserved = new ArrayList<>();
        var onPurpose = new java.util.HashSet<String>();
        for (QueryShape shape : shapes) {
            if (coverage.servedBy(shape).isEmpty() && !SCANS_ON_PURPOSE.containsKey(shape.toString())) {
                unserved.add(shape.toString());
            } else if (SCANS_ON_PURPOSE.containsKey(shape.toString())) {
                onPurpose.add(shape.toString());
            }
        }
        assertThat(unserved).as("query shapes no declared index serves (declare one in MongoStore.indexes())").isEmpty();
        assertThat(SCANS_ON_PURPOSE.keySet()).as("scans on purpose the suite no longer makes (remove them from the list)")
                .isSubsetOf(onPurpose);
    }
}
