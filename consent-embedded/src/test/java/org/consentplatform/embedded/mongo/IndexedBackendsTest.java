package org.consentplatform.embedded.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import com.mongodb.MongoWriteException;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consentplatform.adapter.out.mongo.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The indexed embedded server answers every query of the store's shapes exactly as a server
 * without secondary indexes does (which scans and filters every document), through random
 * inserts, updates, replacements and deletes, on both backends, and after the file store opens again.
 */
class IndexedBackendsTest {

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @Test
    void theMemoryBackendAnswersLikeAScan() {
        compare(database(IndexedBackends.memory()), database(new MemoryBackend()), new Random(17), 3_000);
    }

    @Test
    void theFileBackendAnswersLikeAScanAndAfterItOpensAgain() {
        String file = directory.resolve("store.mv").toString();
        var indexed = IndexedBackends.file(file, 16);
        MongoDatabase plain = database(new MemoryBackend());
        var random = new Random(23);
        MongoDatabase first = database(indexed);
        compare(first, plain, random, 2_000);
        // an index an earlier version declared, replaced since
        first.getCollection("import_errors").createIndex(new Document("jobId", 1).append("line", 1),
                new com.mongodb.client.model.IndexOptions().name("job_lines"));
        indexed.commit();
        stop();
        servers.clear();
        clients.clear();
        // the indexes live in memory: opened again, they are built from the stored documents
        MongoDatabase reopened = database(IndexedBackends.file(file, 16));
        assertThat(reopened.getCollection("import_errors").listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                .as("retired when the store opens").contains("job_errors").doesNotContain("job_lines");
        MongoDatabase plainAgain = database(new MemoryBackend());
        copy(reopened, plainAgain);
        compare(reopened, plainAgain, random, 1_000);
    }

    @Test
    void aStoreFiledWithTheBackendsOwnUniqueIndexesKeepsThemUniqueInMemory() {
        String file = directory.resolve("earlier.mv").toString();
        var earlier = new H2Backend(file); // files its unique indexes in maps of their own
        MongoCollection<Document> changes = database(earlier).getCollection("consent_changes");
        changes.insertOne(new Document("_id", "c1").append("tenant", "t").append("recordKey", "k").append("seq", 1L));
        earlier.commit();
        stop();
        servers.clear();
        clients.clear();

        var indexed = IndexedBackends.file(file, 16);
        MongoCollection<Document> reopened = database(indexed).getCollection("consent_changes");
        assertThat(reopened.find(Filters.eq("_id", "c1")).first()).isNotNull();
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", "c1").append("seq", 9L)))
                .as("the _id index, built from the documents").isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("E11000");
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", "c2").append("tenant", "t").append("recordKey", "k").append("seq", 1L)))
                .as("a declared unique index, built from the documents").isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("E11000");
        indexed.commit();
        stop();
        try (MVStore store = new MVStore.Builder().fileName(file).readOnly().open()) {
            assertThat(store.getMapNames()).as("the maps the backend filed them in are gone").noneMatch(name -> name.contains("._index_"));
        }
    }

    @Test
    void aCollectionWithAPrefixIndexDropsOnBothBackends() {
        for (MongoBackend backend : List.of(IndexedBackends.memory(), IndexedBackends.file(directory.resolve("drop.mv").toString(), 16))) {
            MongoDatabase database = database(backend);
            MongoCollection<Document> changes = database.getCollection("consent_changes");
            changes.insertOne(new Document("_id", "c1").append("tenant", "t").append("recordKey", "k").append("seq", 1L));

            changes.drop();

            assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("consent_changes");
            MongoStore.open(database); // and it can be made again, its indexes with it
            changes.insertOne(new Document("_id", "c1").append("tenant", "t").append("recordKey", "k").append("seq", 1L));
            assertThat(changes.find(Filters.and(Filters.eq("tenant", "t"), Filters.eq("recordKey", "k"))).into(new ArrayList<>())).hasSize(1);
        }
    }

    private MongoDatabase database(MongoBackend backend) {
        var server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        servers.add(server);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        clients.add(client);
        MongoDatabase database = client.getDatabase("consent");
        MongoStore.open(database);
        return database;
    }

    private static void copy(MongoDatabase from, MongoDatabase to) {
        for (String name : List.of("consent_changes", "consent_records", "contacts")) {
            List<Document> all = from.getCollection(name).find().into(new ArrayList<>());
            if (!all.isEmpty()) {
                to.getCollection(name).insertMany(all);
            }
        }
    }

    /** Random writes applied to both, each followed now and then by every query shape, answered alike. */
    private static void compare(MongoDatabase indexed, MongoDatabase plain, Random random, int steps) {
        for (int step = 0; step < steps; step++) {
            Function<MongoDatabase, Object> write = randomWrite(random);
            assertThat(outcome(write, indexed)).as("step " + step).isEqualTo(outcome(write, plain));
            if (step % 50 == 49) {
                for (Query query : queries(random)) {
                    assertThat(query.run(indexed)).as(query.toString()).isEqualTo(query.run(plain));
                }
            }
        }
        for (Query query : queries(random)) {
            assertThat(query.run(indexed)).as(query.toString()).isEqualTo(query.run(plain));
        }
    }

    /** What a write did: its result, or the code of the error it met (a unique index refuses alike on both). */
    private static Object outcome(Function<MongoDatabase, Object> write, MongoDatabase database) {
        try {
            return String.valueOf(write.apply(database)).replaceAll("upsertedId=[^,}]*", "");
        } catch (com.mongodb.MongoWriteException e) {
            return e.getError().getCode();
        }
    }

    private static String tenant(Random random) {
        return "t" + random.nextInt(3);
    }

    private static String contactPoint(Random random) {
        return "cp" + random.nextInt(40);
    }

    private static Function<MongoDatabase, Object> randomWrite(Random random) {
        String id = "c" + random.nextInt(600);
        String tenant = tenant(random);
        String contactPoint = contactPoint(random);
        int seq = random.nextInt(5);
        long at = random.nextInt(10_000);
        boolean flag = random.nextBoolean();
        int kind = random.nextInt(8);
        return database -> {
            MongoCollection<Document> changes = database.getCollection("consent_changes");
            MongoCollection<Document> records = database.getCollection("consent_records");
            MongoCollection<Document> contacts = database.getCollection("contacts");
            return switch (kind) {
                case 0, 1 -> changes.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("tenant", tenant)
                        .append("contactPoint", contactPoint).append("recordKey", contactPoint + "|k" + seq % 2).append("seq", seq)
                        .append("recordedAt", new Date(at)).append("published", flag).append("projected", !flag).append("counted", false),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
                case 2 -> changes.updateMany(Filters.eq("contactPoint", contactPoint), Updates.set("published", flag));
                case 3 -> changes.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("counted")),
                        Updates.combine(Updates.set("counted", flag), Updates.set("tenant", tenant)));
                case 4 -> changes.deleteOne(Filters.eq("_id", id));
                case 5 -> flag
                        ? records.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("tenant", tenant).append("contactPoint", contactPoint)
                                .append("createdAt", new Date(at)).append("suppressed", new Document("at", new Date(at))),
                                new com.mongodb.client.model.ReplaceOptions().upsert(true))
                        : records.updateOne(Filters.eq("_id", id), Updates.unset("suppressed"));
                case 6 -> contacts.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("tenant", tenant)
                        .append("contactPoints", List.of(new Document("pseudonym", contactPoint), new Document("pseudonym", "cp" + seq))),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
                default -> contacts.deleteMany(Filters.eq("contactPoints.pseudonym", contactPoint));
            };
        };
    }

    private record Query(String collection, Bson filter, Bson sort) {

        List<Object> run(MongoDatabase database) {
            var found = database.getCollection(collection).find(filter);
            if (sort != null) {
                found = found.sort(sort);
            }
            List<Object> ids = found.map(document -> document.get("_id")).into(new ArrayList<>());
            return sort == null ? ids.stream().map(Object::toString).sorted().map(Object.class::cast).toList() : ids;
        }
    }

    private static List<Query> queries(Random random) {
        String tenant = tenant(random);
        String contactPoint = contactPoint(random);
        String id = "c" + random.nextInt(600);
        return List.of(
                new Query("consent_records", Filters.and(Filters.eq("_id", id), Filters.exists("suppressed", false)), null),
                new Query("consent_changes", new Document("_id", new Document("$in", List.of(id, "c1", "c2"))).append("tenant", tenant), null),
                new Query("consent_changes", Filters.eq("published", false), Sorts.ascending("recordedAt", "seq", "_id")),
                new Query("consent_changes", Filters.eq("projected", false), Sorts.ascending("recordedAt", "_id")),
                new Query("consent_changes", new Document("counted", false), Sorts.ascending("counted", "_id")),
                new Query("consent_changes", new Document("tenant", tenant).append("contactPoint", contactPoint), Sorts.ascending("recordedAt", "_id")),
                new Query("consent_changes", new Document("tenant", tenant).append("contactPoint", new Document("$in", List.of(contactPoint, "cp1", "cp2"))), null),
                new Query("consent_changes", new Document("tenant", tenant).append("recordKey", contactPoint + "|k1"), Sorts.ascending("seq", "_id")),
                new Query("consent_changes", new Document("tenant", tenant).append("recordKey", contactPoint + "|k0").append("seq", 2), null),
                new Query("consent_changes", Filters.and(Filters.eq("tenant", tenant), Filters.eq("recordKey", contactPoint + "|k1"),
                        Filters.or(Filters.gt("seq", 1), Filters.eq("published", false))), Sorts.ascending("seq", "_id")),
                new Query("consent_changes", new Document("tenant", tenant).append("recordKey", contactPoint + "|k0")
                        .append("seq", new Document("$lte", 3)), Sorts.ascending("seq", "_id")),
                new Query("consent_changes", new Document("tenant", tenant).append("contactPoint", contactPoint).append("published", true), null),
                new Query("consent_records", new Document("tenant", tenant).append("contactPoint", contactPoint), null),
                new Query("consent_records", Filters.and(Filters.exists("suppressed"), Filters.lt("createdAt", new Date(5_000))), null),
                new Query("consent_records", new Document("suppressed", new Document("$exists", true)), null),
                new Query("contacts", new Document("tenant", tenant).append("contactPoints.pseudonym", contactPoint), null),
                new Query("contacts", new Document("tenant", tenant).append("contactPoints.pseudonym", new Document("$in", List.of(contactPoint, "cp3"))), null));
    }
}
