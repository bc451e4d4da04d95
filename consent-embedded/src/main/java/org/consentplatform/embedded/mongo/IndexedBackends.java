package org.consentplatform.embedded.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * The embedded server's two backends (memory, and H2 files under ./data) with the store's
 * secondary and partial indexes served ({@link SecondaryIndex}): without them, every query not
 * by {@code _id} or by exactly a unique index's keys scans its collection, and the background
 * jobs' queries for pending work scan the whole change log on every poll.
 */
public final class IndexedBackends {

    private IndexedBackends() {
    }

    public static MongoBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new IndexedMemoryDatabase(databaseName, getCursorRegistry());
            }
        };
    }

    /**
     * Files at the path, MVStore's format, with a page cache of {@code cacheMb}; every index,
     * unique ones too ({@link HeapUniqueIndex}), lives in memory and is built from the documents
     * when the store opens. MVStore's own background commits are off: what is on disk is what
     * was committed on purpose ({@link FileStoreCommits}), whole.
     */
    public static H2Backend file(String path, int cacheMb) {
        MVStore store = new MVStore.Builder().fileName(path).cacheSize(cacheMb).autoCommitDisabled().autoCommitBufferSize(0).open();
        // the maps the H2 backend filed unique indexes in (databases.<db>.<collection>._index_<name>) are stale now
        store.getMapNames().stream().filter(name -> name.contains("._index_")).toList().forEach(store::removeMap);
        return new IndexedH2Backend(store);
    }

    private static final class IndexedMemoryDatabase extends MemoryDatabase {

        IndexedMemoryDatabase(String databaseName, CursorRegistry cursors) {
            super(databaseName, cursors);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            Index<Integer> index = DeclaredIndexes.secondary(collectionName, indexName, keys);
            return index != null ? index : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            withPrefixOfUnique(resolveOrCreateCollection(collectionName), indexName, keys);
            return primaryKeyLookup(indexName, super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
        }

        @Override
        protected void dropIndex(MongoCollection<Integer> collection, String indexName) {
            super.dropIndex(collection, indexName);
            dropPrefixOfUnique(collection, indexName);
        }
    }

    private static final class IndexedH2Backend extends H2Backend {

        IndexedH2Backend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
        }
    }

    private static final class IndexedH2Database extends H2Database {

        IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            Index<Object> index = DeclaredIndexes.secondary(collectionName, indexName, keys);
            return index != null ? index : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            withPrefixOfUnique(resolveOrCreateCollection(collectionName), indexName, keys);
            return primaryKeyLookup(indexName, new HeapUniqueIndex<>(indexName, keys, sparse));
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            dropPrefixOfUnique(collection, indexName);
        }
    }

    /** The {@code _id} index, serving a query that binds {@code _id} beside other conditions too. */
    private static <P> Index<P> primaryKeyLookup(String indexName, Index<P> unique) {
        return indexName.equals("_id_") ? new PrimaryKeyLookup<>(unique) : unique;
    }

    /**
     * The server serves a unique index only for queries on exactly its keys; where the store's
     * queries bind a prefix of them alone (a record's changes by tenant and record key, in
     * sequence order), a secondary index on that prefix is added beside it. It lives in memory
     * and is built from the documents whenever the collection opens.
     */
    private static <P> void withPrefixOfUnique(MongoCollection<P> collection, String indexName, List<IndexKey> keys) {
        if (collection.getIndexes().stream().anyMatch(index -> index.getName().equals(prefixOf(indexName)))) {
            return;
        }
        int prefix = DeclaredIndexes.prefixOfUnique(collection.getCollectionName(), indexName);
        if (prefix > 0 && prefix < keys.size()) {
            collection.addIndex(new SecondaryIndex<>(prefixOf(indexName), keys, null, prefix));
        }
    }

    /** The prefix index goes with its unique index (the server drops every index of a collection before the collection). */
    private static <P> void dropPrefixOfUnique(MongoCollection<P> collection, String indexName) {
        if (collection.getIndexes().stream().anyMatch(index -> index.getName().equals(prefixOf(indexName)))) {
            collection.dropIndex(prefixOf(indexName));
        }
    }

    private static String prefixOf(String uniqueIndexName) {
        return uniqueIndexName + "_prefix";
    }
}
