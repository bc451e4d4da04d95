package org.consentplatform.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real Apache Kafka broker in this JVM: one KRaft node acting as broker and controller,
 * started from Kafka's own server classes, with its log in a folder (kept across restarts,
 * like any broker's). It listens on a fixed port so that standard tools find it, and can be
 * stopped and started again, which the fault tests use.
 */
public final class InProcessKafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessKafkaBroker.class);

    private final int port;
    /** Kept across stop and start: the quorum's voter address is part of its stored state. */
    private final int controllerPort = freePort();
    private final Path logDir;
    private final boolean autoCreateTopics;
    private KafkaRaftServer server;

    public InProcessKafkaBroker(int port, Path logDir) {
        this(port, logDir, true);
    }

    /** @param autoCreateTopics false, as production clusters often run: only topics someone created exist */
    public InProcessKafkaBroker(int port, Path logDir, boolean autoCreateTopics) {
        this.port = port;
        this.logDir = logDir.toAbsolutePath();
        this.autoCreateTopics = autoCreateTopics;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        // a broker in a shared JVM must not end the process on a fatal error
        Exit.setExitProcedure((code, message) -> LOG.error("Embedded Kafka asked to exit ({}): {}", code, message));
        Exit.setHaltProcedure((code, message) -> LOG.error("Embedded Kafka asked to halt ({}): {}", code, message));
        var props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // one node: internal topics cannot ask for more replicas (transactions time out otherwise)
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", Boolean.toString(autoCreateTopics));
        KafkaConfig config = KafkaConfig.fromProps(props);
        formatOnFirstStart();
        var started = new KafkaRaftServer(config, Time.SYSTEM);
        started.startup();
        server = started;
    }

    private void formatOnFirstStart() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the embedded Kafka log folder " + logDir, e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
