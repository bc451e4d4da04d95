package org.consentplatform.benchmark;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
    private final ConcurrentMap<String, AtomicLong> byCommand = new ConcurrentHashMap<>();

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
        String name = command.keySet().iterator().next();
        Object target = name.equals("getMore") ? command.get("collection") : command.get(name);
        byCommand.computeIfAbsent(name + " " + (target instanceof String collection ? collection : ""), key -> new AtomicLong())
                .incrementAndGet();
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

    /** The round trips so far by command and collection ({@code insert consent_changes}), to say what a count is made of. */
    Map<String, Long> byCommand() {
        var counts = new TreeMap<String, Long>();
        byCommand.forEach((command, count) -> counts.put(command, count.get()));
        return counts;
    }

    /** Round trips, documents read, documents written so far. */
    long[] snapshot() {
        return new long[]{roundTrips.get(), read.get(), written.get()};
    }
}
