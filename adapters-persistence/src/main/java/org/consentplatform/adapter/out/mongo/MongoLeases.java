package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.application.port.out.Leases;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One document per lease. Taking it is a single conditional upsert: it matches when the lease
 * is free (expired) or already ours; otherwise the upsert collides on {@code _id} and fails.
 */
public final class MongoLeases implements Leases {

    private static final Pattern REGEX_CHARACTERS = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private final MongoCollection<Document> leases;
    private final Clock clock;

    public MongoLeases(MongoStore store, Clock clock) {
        this.leases = store.collection(MongoStore.LEASES);
        this.clock = clock;
    }

    @Override
    public boolean acquire(String lease, String holder, Duration ttl) {
        Date now = Date.from(clock.instant());
        return DuplicateKeys.firstToWrite(() -> leases.updateOne(
                Filters.and(Filters.eq("_id", lease), Filters.or(Filters.eq("holder", holder), Filters.lt("expiresAt", now))),
                Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", Date.from(now.toInstant().plus(ttl)))),
                new UpdateOptions().upsert(true)));
    }

    @Override
    public void release(String lease, String holder) {
        leases.deleteOne(new Document("_id", lease).append("holder", holder));
    }

    /** A prefix of {@code _id}, its regex characters escaped one by one: a range of the primary index. */
    @Override
    public List<String> holders(String prefix) {
        String literal = REGEX_CHARACTERS.matcher(prefix).replaceAll("\\\\$0");
        return leases.find(Filters.and(Filters.regex("_id", "^" + literal), Filters.gt("expiresAt", Date.from(clock.instant()))))
                .map(lease -> lease.getString("holder")).into(new ArrayList<>());
    }
}
