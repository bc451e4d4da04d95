package org.consentplatform.benchmark;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store's work counted where the server receives it, for a service running in a JVM of its
 * own against a server in the benchmark's: every command (a round trip), the documents its
 * answer carried and the documents it wrote, as {@link StoreWork} counts them on the client side.
 */
final class ServerWork {

    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();

    /** The backend, counting the commands that reach it. */
    MongoBackend counting(MongoBackend backend) {
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(), new Class<?>[]{MongoBackend.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("handleMessage") && args[0] instanceof MongoMessage message) {
                        count(message.getDocument(), (Document) result);
                    }
                    return result;
                });
    }

    private void count(Document command, Document answer) {
        roundTrips.incrementAndGet();
        for (String batch : List.of("documents", "updates", "deletes")) {
            if (command.get(batch) instanceof Collection<?> documents) {
                written.addAndGet(documents.size());
            }
        }
        if (answer != null && answer.get("cursor") instanceof Document cursor) {
            for (String batch : List.of("firstBatch", "nextBatch")) {
                if (cursor.get(batch) instanceof Collection<?> documents) {
                    read.addAndGet(documents.size());
                }
            }
        }
    }

    /** Round trips, documents read, documents written so far. */
    long[] snapshot() {
        return new long[]{roundTrips.get(), read.get(), written.get()};
    }
}
