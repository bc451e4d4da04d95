package org.consentplatform.embedded;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.servlet.DispatcherType;
import org.consentplatform.embedded.mongo.FileStoreCommits;
import org.consentplatform.embedded.mongo.IndexedBackends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire server in the same JVM: H2 file storage under ./data by default (data
 * survives a restart), memory for tests, both serving the store's secondary and partial
 * indexes ({@link IndexedBackends}). Boot's own MongoDB client is pointed at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consent.embedded.mongo.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedMongo {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);

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
            return IndexedBackends.memory();
        }
        Path path = Path.of(embedded.mongo().file()).toAbsolutePath();
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path.getParent(), e);
        }
        return IndexedBackends.file(path.toString(), embedded.mongo().cacheMb());
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnection(MongoServer server) {
        var address = server.getLocalAddress();
        return () -> new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/consent");
    }

    /** The file store's commits ({@link FileStoreCommits}): before a request's answer completes, after any other write. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "consent.embedded.mongo.storage", havingValue = "file", matchIfMissing = true)
    static class FileStoreDurability {

        @Bean
        FileStoreCommits fileStoreCommits(MongoBackend backend) {
            return new FileStoreCommits((H2Backend) backend);
        }

        @Bean
        MongoClientSettingsBuilderCustomizer committingWrites(FileStoreCommits commits) {
            return settings -> settings.addCommandListener(commits);
        }

        /** Outermost: every filter's writes (the console's sessions too) are in the request's one commit. */
        @Bean
        FilterRegistrationBean<FileStoreCommits> committingRequests(FileStoreCommits commits) {
            var registration = new FilterRegistrationBean<>(commits);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            return registration;
        }
    }
}
