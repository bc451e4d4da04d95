package org.consentplatform.adapter.out.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.consentplatform.application.port.StorageUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The operator console's HTTP sessions, in the store every instance shares, so that a person's
 * next request may land on any instance (ADR 35). One document per session: its times, the
 * principal's name, and its attributes (security context, CSRF token, a login in progress).
 *
 * <p>Attributes are Java-serialised, as Spring Security's own classes are designed for, and read
 * back through an allow-list filter: only the JDK's, Spring's and the platform's classes. A
 * session that cannot be read (written by another version, or altered) is dropped: its person
 * signs in again. Expired sessions are deleted by {@link #deleteExpired()} on a schedule, and on
 * a real cluster also by the TTL index.
 */
public final class MongoSessions implements SessionRepository<MapSession> {

    private static final Logger LOG = LoggerFactory.getLogger(MongoSessions.class);
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;maxrefs=100000;maxbytes=1048576;java.**;org.springframework.**;org.consentplatform.**;"
                    + "com.nimbusds.**;net.minidev.**;!*");

    private final MongoCollection<Document> sessions;
    private final Duration timeout;
    private final Clock clock;

    public MongoSessions(MongoStore store, Duration timeout, Clock clock) {
        this.sessions = store.collection(MongoStore.SESSIONS);
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public MapSession createSession() {
        var session = new MapSession();
        session.setCreationTime(clock.instant());
        session.setLastAccessedTime(clock.instant());
        session.setMaxInactiveInterval(timeout);
        return session;
    }

    @Override
    public void save(MapSession session) {
        try {
            if (!session.getId().equals(session.getOriginalId())) {
                sessions.deleteOne(Filters.eq("_id", session.getOriginalId())); // rotated at sign-in: the old id must not work
            }
            var attributes = new HashMap<String, Object>();
            session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
            var document = new Document("_id", session.getId())
                    .append("createdAt", Date.from(session.getCreationTime()))
                    .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                    .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                    .append("expiresAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())))
                    .append("attributes", new Binary(serialise(attributes)));
            sessions.replaceOne(Filters.eq("_id", session.getId()), document, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            throw new StorageUnavailable(e);
        }
    }

    @Override
    public MapSession findById(String id) {
        try {
            Document document = sessions.find(Filters.eq("_id", id)).first();
            if (document == null) {
                return null;
            }
            var session = new MapSession(id);
            session.setCreationTime(document.getDate("createdAt").toInstant());
            session.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
            session.setMaxInactiveInterval(Duration.ofSeconds(document.getLong("maxInactiveSeconds")));
            if (session.isExpired()) {
                sessions.deleteOne(Filters.eq("_id", id));
                return null;
            }
            Map<String, Object> attributes = deserialise(document.get("attributes", Binary.class).getData());
            if (attributes == null) {
                sessions.deleteOne(Filters.eq("_id", id));
                return null;
            }
            attributes.forEach(session::setAttribute);
            return session;
        } catch (MongoException e) {
            throw new StorageUnavailable(e);
        }
    }

    @Override
    public void deleteById(String id) {
        try {
            sessions.deleteOne(Filters.eq("_id", id));
        } catch (MongoException e) {
            throw new StorageUnavailable(e);
        }
    }

    /** Removes sessions idle past their timeout; returns how many. */
    public long deleteExpired() {
        try {
            return sessions.deleteMany(Filters.lte("expiresAt", Date.from(clock.instant()))).getDeletedCount();
        } catch (MongoException e) {
            throw new StorageUnavailable(e);
        }
    }

    private static byte[] serialise(Map<String, Object> attributes) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new IllegalStateException("a session attribute cannot be stored: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialise(byte[] bytes) {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ALLOWED);
            return (Map<String, Object>) in.readObject();
        } catch (InvalidClassException | ClassNotFoundException e) {
            LOG.warn("A console session could not be read and is dropped ({}); its person signs in again", e.toString());
            return null;
        } catch (IOException | ClassCastException e) {
            LOG.warn("A console session could not be read and is dropped ({}); its person signs in again", e.toString());
            return null;
        }
    }
}
