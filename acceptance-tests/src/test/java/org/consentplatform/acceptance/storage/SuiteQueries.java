package org.consentplatform.acceptance.storage;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the shape of every query the persistence adapter of the suite's services sends their
 * store (every service the suite starts in this JVM: an auto-configuration of the test classpath
 * adds the listener to its MongoDB client), and writes them out when the suite ends, for
 * {@code SuiteIndexCheck} to hold against the declared indexes. A command counts when the
 * adapter is on the stack that sends it (the driver calls listeners on that thread): the tests'
 * own reads of the store, through the same client, are not the service's queries.
 */
@AutoConfiguration
@ConditionalOnProperty(SuiteQueries.DIRECTORY)
public class SuiteQueries implements CommandListener, LauncherSessionListener {

    static final String DIRECTORY = "suite.queries.dir";
    private static final Set<String> SHAPES = ConcurrentHashMap.newKeySet();
    private static final String ADAPTER = "org.consentplatform.adapter.out.mongo.";
    private static final StackWalker STACK = StackWalker.getInstance();

    @Bean
    MongoClientSettingsBuilderCustomizer recordingQueryShapes() {
        return settings -> settings.addCommandListener(this);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (event.getDatabaseName().equals("admin")
                || !STACK.walk(frames -> frames.anyMatch(frame -> frame.getClassName().startsWith(ADAPTER)))) {
            return;
        }
        for (QueryShape shape : QueryShape.of(event)) {
            SHAPES.add(shape.toJson());
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String directory = System.getProperty(DIRECTORY);
        if (directory == null || SHAPES.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(directory));
            Files.write(Path.of(directory, "shapes-" + ProcessHandle.current().pid() + ".ndjson"), SHAPES);
        } catch (IOException e) {
            throw new UncheckedIOException("the suite's query shapes cannot be written", e);
        }
    }
}
