package org.consentplatform.benchmark;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * What the service asks of its store: every command its MongoDB client sends (a round trip),
 * the documents the answers carried and the documents the commands wrote. Counts carry over to
 * a real cluster where timings on this machine do not. The driver calls a listener on the
 * thread that sends the command, so counting can be limited to some threads (the HTTP
 * requests' rather than the background jobs').
 */
final class StoreWork implements CommandListener {

    /** The one instance the service's client reports to; register {@link Counting} with the application. */
    static final StoreWork INSTANCE = new StoreWork();

    /** The threads Tomcat serves requests on: platform ones, or virtual ones (spring.threads.virtual.enabled). */
    static final Predicate<String> REQUEST_THREADS = name -> name.startsWith("http-nio") || name.startsWith("tomcat-handler-");

    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final ConcurrentMap<String, AtomicLong> byCommand = new ConcurrentHashMap<>();
    private volatile Predicate<String> counted = name -> true;

    private StoreWork() {
    }

    @Configuration(proxyBeanMethods = false)
    public static class Counting {
        @Bean
        MongoClientSettingsBuilderCustomizer countingCommands() {
            return settings -> settings.addCommandListener(INSTANCE);
        }
    }

    /** Counts only commands sent from the threads whose name passes; the break-down by command starts again. */
    void countOnly(Predicate<String> threads) {
        this.counted = threads;
        byCommand.clear(); // from here on
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!counted.test(Thread.currentThread().getName())) {
            return;
        }
        roundTrips.incrementAndGet();
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        String collection = command.isString(name) ? command.getString(name).getValue() // getMore names it apart
                : command.getString("collection", new BsonString("")).getValue();
        byCommand.computeIfAbsent(name + " " + collection, key -> new AtomicLong()).incrementAndGet();
        for (String batch : List.of("documents", "updates", "deletes")) {
            if (command.containsKey(batch) && command.get(batch).isArray()) {
                written.addAndGet(command.getArray(batch).size());
            }
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (!counted.test(Thread.currentThread().getName())) {
            return;
        }
        BsonDocument cursor = event.getResponse().getDocument("cursor", null);
        if (cursor != null) {
            for (String batch : List.of("firstBatch", "nextBatch")) {
                BsonArray documents = cursor.getArray(batch, null);
                read.addAndGet(documents == null ? 0 : documents.size());
            }
        }
    }

    /** The round trips so far by command and collection ({@code find consent_changes}), to say what a count is made of. */
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
