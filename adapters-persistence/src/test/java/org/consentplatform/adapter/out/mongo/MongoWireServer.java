package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.InetSocketAddress;

/** Contract tests talk the real wire protocol to an in-process MongoDB-compatible server. */
abstract class MongoWireServer {

    private MongoServer server;
    private MongoClient client;
    private final java.util.List<MongoClient> others = new java.util.ArrayList<>();
    protected MongoStore store;
    /** One master key for the whole deployment, as in production: every instance opens the tenants' keys with it. */
    private final MasterKey master = MasterKey.generated();
    protected ContactPointKeys keys;

    /** The keys of a store, as one service instance holds them (its own cache). */
    protected ContactPointKeys keys(MongoStore of) {
        return new ContactPointKeys(of, new TenantKeyring(of, master, java.time.Clock.systemUTC()), java.time.Clock.systemUTC());
    }

    /** How many subject documents (a contact point's data key or suppression) the records collection holds. */
    protected long subjects() {
        long count = 0;
        for (org.bson.Document doc : store.collection(MongoStore.RECORDS).find()) {
            count += ContactPointKeys.isSubject(doc) ? 1 : 0;
        }
        return count;
    }

    /** The same database through a client of its own, as another service instance sees it. */
    protected MongoStore anotherInstance() {
        MongoClient other = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        others.add(other);
        return MongoStore.open(other.getDatabase("consent"));
    }

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        store = MongoStore.open(client.getDatabase("consent"));
        keys = keys(store);
    }

    @AfterEach
    void stopServer() {
        others.forEach(MongoClient::close);
        client.close();
        server.shutdownNow();
    }
}
