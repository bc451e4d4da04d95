package org.consentplatform.acceptance.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Dumps the stores the suite's services wrote into, for {@code SuiteDumpCheck} to search once
 * every test ran (ADR 37: no collection holds an address in clear). Every document of every
 * collection, GridFS chunks included, one line each: its JSON, and the bytes of each binary
 * value read as text, so that a clear address inside a file chunk or a wrapped blob shows.
 * The shared service registers its store when it starts; tests with services of their own dump
 * theirs before they stop them.
 */
@Component
public class SuiteStores implements LauncherSessionListener {

    private static final List<MongoClient> SHARED = new CopyOnWriteArrayList<>();
    private static final Path DIRECTORY = Path.of(System.getProperty("suite.dump.dir", "target/suite-dumps/unnamed"));

    private final MongoClient client;

    /** Used by JUnit as the session listener (META-INF/services). */
    public SuiteStores() {
        this.client = null;
    }

    /** Used by Spring in the shared service's context. */
    @Autowired
    public SuiteStores(MongoClient client) {
        this.client = client;
    }

    @PostConstruct
    void register() {
        if (client != null) {
            SHARED.add(client);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        for (MongoClient shared : SHARED) {
            dump(shared.getDatabase("consent"), "shared-service");
        }
        SHARED.clear();
    }

    /** Appends every document of the database to the suite's dump, under a name of the test's choosing. */
    public static void dump(MongoDatabase database, String name) {
        try {
            Files.createDirectories(DIRECTORY);
            try (Writer out = Files.newBufferedWriter(DIRECTORY.resolve(name + "-" + ProcessHandle.current().pid() + ".txt"),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (String collection : database.listCollectionNames()) {
                    for (Document doc : database.getCollection(collection).find()) {
                        out.write(collection + "\t" + doc.toJson() + "\n");
                        writeBinaries(out, collection, doc);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the suite's dump cannot be written", e);
        }
    }

    private static void writeBinaries(Writer out, String collection, Object value) throws IOException {
        switch (value) {
            case Binary binary -> out.write(collection + "\tbinary\t"
                    + new String(binary.getData(), StandardCharsets.ISO_8859_1).replaceAll("[\\p{Cntrl}]", " ") + "\n");
            case Map<?, ?> map -> {
                for (Object nested : map.values()) {
                    writeBinaries(out, collection, nested);
                }
            }
            case List<?> list -> {
                for (Object nested : list) {
                    writeBinaries(out, collection, nested);
                }
            }
            case null, default -> {
            }
        }
    }
}
