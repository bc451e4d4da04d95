package org.consentplatform.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar that is deployed (consent-bootstrap's executable jar, built in the package phase)
 * holds none of the embedded default's servers: not the MongoDB-wire server, the Kafka broker,
 * the SMTP server nor the dev token issuer. Every class of the jar and of each jar inside it is
 * looked at, so a server that arrives through some other dependency is caught too.
 */
class ProductionJarIT {

    /** Class-name prefixes (as paths) that only the embedded default may bring. */
    private static final List<String> EMBEDDED_ONLY = List.of(
            "de/bwaldvogel/mongo/",                                     // mongo-java-server
            "kafka/server/", "org/apache/kafka/server/config/",         // the Kafka broker
            "org/apache/kafka/controller/", "org/apache/kafka/raft/",
            "com/icegreen/greenmail/",                                  // GreenMail
            "org/springframework/security/oauth2/server/authorization/", // Spring Authorization Server
            "org/consentplatform/embedded/");

    @Test
    void theProductionJarContainsNoEmbeddedServer() throws IOException {
        Path jar = executableJar();
        List<String> found = new ArrayList<>();
        long classes = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().endsWith(".jar")) {
                    try (InputStream nested = file.getInputStream(entry)) {
                        classes += scan(entry.getName(), new JarInputStream(nested), found);
                    }
                } else if (entry.getName().endsWith(".class")) {
                    classes++;
                    check(jar.getFileName().toString(), entry.getName(), found);
                }
            }
        }

        assertThat(classes).as("classes looked at in " + jar).isGreaterThan(10_000);
        assertThat(found).as("embedded-only classes in " + jar).isEmpty();
    }

    private static long scan(String jarName, JarInputStream jar, List<String> found) throws IOException {
        long classes = 0;
        for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
            if (entry.getName().endsWith(".class")) {
                classes++;
                check(jarName, entry.getName(), found);
            }
        }
        return classes;
    }

    private static void check(String jarName, String className, List<String> found) {
        String name = className.startsWith("BOOT-INF/classes/") ? className.substring("BOOT-INF/classes/".length()) : className;
        if (EMBEDDED_ONLY.stream().anyMatch(name::startsWith) && found.stream().noneMatch(f -> f.startsWith(jarName + " "))) {
            found.add(jarName + " " + name); // one example per jar keeps the message short
        }
    }

    private static Path executableJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("consent-bootstrap-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no executable jar in target/: run the package phase first"));
        }
    }
}
