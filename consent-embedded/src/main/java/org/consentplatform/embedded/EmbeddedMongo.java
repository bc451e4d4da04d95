package org.consentplatform.embedded;

import com.mongodb.ConnectionString;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A MongoDB-wire server in the same JVM: H2 file storage under ./data by default (data
 * survives a restart), memory for tests. Boot's own MongoDB client is pointed at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consent.embedded.mongo.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedMongo {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "createIndexes");

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(MongoBackend backend) {
        var server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        LOG.info("Embedded MongoDB-wire server listening on {} ({})", server.getLocalAddress(), backend);
        return server;
    }

    @Bean
    MongoBackend embeddedMongoBackend(EmbeddedProperties embedded) {
        if (embedded.mongo().storage().equals("memory")) {
            return new MemoryBackend();
        }
        Path path = Path.of(embedded.mongo().file()).toAbsolutePath();
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path.getParent(), e);
        }
        return new H2Backend(path.toString());
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnection(MongoServer server) {
        var address = server.getLocalAddress();
        return () -> new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/consent");
    }

    /**
     * H2 commits in the background about once a second; committing right after each write the
     * server acknowledged means a crash of the service never loses an acknowledged write.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer commitEveryWrite(MongoBackend backend) {
        if (!(backend instanceof H2Backend h2)) {
            return settings -> { };
        }
        CommandListener listener = new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                if (WRITES.contains(event.getCommandName())) {
                    h2.commit();
                }
            }
        };
        return settings -> settings.addCommandListener(listener);
    }
}
