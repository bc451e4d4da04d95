package org.consentplatform.embedded;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No container runtime here, so the deployment files are checked against the service itself:
 * every probe answers on a running instance, every environment variable is a configuration
 * property the service knows, every container has resources and a locked-down security context,
 * every secret key referenced exists, every overlay patch has a target, and the image is the
 * layered executable jar run as a non-root user.
 */
class DeploymentManifestsTest {

    private static final Path KUBERNETES = Path.of("..", "deploy", "kubernetes");
    private static final Path BASE = KUBERNETES.resolve("base");
    private static final Path PRODUCTION = KUBERNETES.resolve("overlays").resolve("production");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext service;
    private final List<Map<String, Object>> base = resources(BASE);
    private final Map<String, Object> deployment = only(base, "Deployment");
    private final Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
    private final List<Map<String, Object>> containers = list(pod.get("containers"));

    @BeforeAll
    static void start() {
        service = InMemoryService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyProbeAnswersUpOnARunningInstanceAtTheContainerPort() throws Exception {
        var probed = new ArrayList<String>();
        for (Map<String, Object> container : containers) {
            Set<Object> ports = new HashSet<>();
            list(container.get("ports")).forEach(port -> ports.add(port.get("name")));
            assertThat(list(container.get("ports"))).extracting(port -> port.get("containerPort")).as("server.port's default").contains(8080);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
                assertThat(ports).as(probe + " port").contains(get.get("port"));
                String path = (String) get.get("path");
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(InMemoryService.baseUrl(service) + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(probe + " " + path + ": " + answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"status\":\"UP\"");
                probed.add(path);
            }
        }
        assertThat(probed).contains("/actuator/health/liveness", "/actuator/health/readiness");
    }

    @Test
    void everyEnvironmentVariableIsAPropertyTheServiceKnows() throws IOException {
        Known known = Known.fromClasspath();
        var names = new TreeSet<String>();
        for (Map<String, Object> configMap : List.of(only(base, "ConfigMap"), only(resources(PRODUCTION), "ConfigMap"))) {
            names.addAll(map(configMap.get("data")).keySet());
        }
        containers.forEach(container -> list(container.get("env")).forEach(env -> names.add((String) env.get("name"))));

        assertThat(names).hasSizeGreaterThan(15);
        assertThat(names).allSatisfy(name -> assertThat(known.binds(name)).as(name + " is the environment form of a known property").isTrue());
        assertThat(known.binds("CONSENT_OUTBOX_PARTITONS")).as("a misspelt one is caught").isFalse();
    }

    @Test
    void everyContainerHasResourcesAndALockedDownSecurityContext() {
        Map<String, Object> podSecurity = map(pod.get("securityContext"));
        assertThat(podSecurity).containsEntry("runAsNonRoot", true);
        assertThat(map(podSecurity.get("seccompProfile"))).containsEntry("type", "RuntimeDefault");
        assertThat(pod).containsEntry("automountServiceAccountToken", false);
        assertThat(containers).isNotEmpty().allSatisfy(container -> {
            Map<String, Object> resources = map(container.get("resources"));
            assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).containsKey("memory");
            Map<String, Object> security = map(container.get("securityContext"));
            assertThat(security).containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
            assertThat(map(security.get("capabilities")).get("drop")).isEqualTo(List.of("ALL"));
            assertThat(list(container.get("volumeMounts"))).as("a writable /tmp on a read-only root")
                    .anySatisfy(mount -> assertThat(mount.get("mountPath")).isEqualTo("/tmp"));
        });
        Map<String, Object> overlay = only(resources(PRODUCTION), "Deployment");
        list(map(map(map(overlay.get("spec")).get("template")).get("spec")).get("containers")).forEach(container -> {
            assertThat(map(map(container.get("resources")).get("requests"))).containsKeys("cpu", "memory");
            assertThat(map(map(container.get("resources")).get("limits"))).containsKey("memory");
        });
    }

    @Test
    void theClusterPiecesAreThereAndEverySecretKeyAndPatchTargetExists() {
        assertThat(base).extracting(resource -> resource.get("kind")).contains("Deployment", "Service", "ConfigMap", "Secret",
                "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy");
        Set<Object> secretKeys = map(only(base, "Secret").get("stringData")).keySet().stream().collect(java.util.stream.Collectors.toSet());
        containers.forEach(container -> list(container.get("env")).stream().map(env -> map(env.get("valueFrom")).get("secretKeyRef"))
                .filter(java.util.Objects::nonNull).forEach(ref -> assertThat(secretKeys).contains(map(ref).get("key"))));
        list(pod.get("volumes")).stream().filter(volume -> volume.containsKey("secret")
                        && "consent-platform-keys".equals(map(volume.get("secret")).get("secretName")))
                .forEach(volume -> list(map(volume.get("secret")).get("items")).forEach(item -> assertThat(secretKeys).contains(item.get("key"))));
        for (Map<String, Object> patch : resources(PRODUCTION)) {
            assertThat(base).as("the target of the overlay's " + patch.get("kind") + " patch").anySatisfy(resource -> {
                assertThat(resource.get("kind")).isEqualTo(patch.get("kind"));
                assertThat(map(resource.get("metadata")).get("name")).isEqualTo(map(patch.get("metadata")).get("name"));
            });
        }
    }

    @Test
    void theImageRunsTheLayeredExecutableJarAsANonRootUser() throws IOException {
        String dockerfile = Files.readString(Path.of("..", "Dockerfile"));
        assertThat(dockerfile).contains("-Djarmode=tools", "extract --layers", "USER 10001", "MaxRAMPercentage",
                "org.springframework.boot.loader.launch.JarLauncher");
        try (var jars = Files.newDirectoryStream(Path.of("..", "consent-bootstrap", "target"), "consent-bootstrap-*-exec.jar")) {
            for (Path jar : jars) {
                try (var file = new JarFile(jar.toFile())) {
                    assertThat(file.getEntry("BOOT-INF/layers.idx")).as(jar + " is layered").isNotNull();
                }
            }
        }
    }

    /** The configuration properties of every jar on the classpath, as Spring's metadata describes them. */
    private record Known(Set<String> environmentNames, Set<String> mapPrefixes) {

        static Known fromClasspath() throws IOException {
            var names = new HashSet<String>();
            var prefixes = new HashSet<String>();
            JsonMapper json = JsonMapper.builder().build();
            for (Resource metadata : new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
                try (InputStream in = metadata.getInputStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        names.addAll(environmentForms(name));
                        if (property.path("type").asString("").startsWith("java.util.Map")) {
                            environmentForms(name).forEach(form -> prefixes.add(form + "_"));
                        }
                    }
                }
            }
            return new Known(names, prefixes);
        }

        /** Spring Boot's two environment forms of a property: dashes removed, or dashes as underscores. */
        private static List<String> environmentForms(String property) {
            String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
            return List.of(upper.replace("-", ""), upper.replace('-', '_'));
        }

        boolean binds(String variable) {
            return environmentNames.contains(variable) || mapPrefixes.stream().anyMatch(variable::startsWith);
        }
    }

    /** The resources a kustomization lists (a directory: its kustomization.yaml's resources, or its patches). */
    private static List<Map<String, Object>> resources(Path directory) {
        try {
            Map<String, Object> kustomization = new Yaml().load(Files.readString(directory.resolve("kustomization.yaml")));
            var files = new ArrayList<Path>();
            if (kustomization.get("resources") != null) {
                ((List<?>) kustomization.get("resources")).stream().map(String.class::cast).filter(name -> name.endsWith(".yaml"))
                        .forEach(name -> files.add(directory.resolve(name)));
            }
            if (kustomization.get("patches") != null) {
                list(kustomization.get("patches")).forEach(patch -> files.add(directory.resolve((String) patch.get("path"))));
            }
            var resources = new ArrayList<Map<String, Object>>();
            for (Path file : files) {
                assertThat(file).as("listed in " + directory.resolve("kustomization.yaml")).exists();
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    resources.add(map(document));
                }
            }
            return resources;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> only(List<Map<String, Object>> resources, String kind) {
        List<Map<String, Object>> ofKind = resources.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
        assertThat(ofKind).as("one " + kind).hasSize(1);
        return ofKind.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        return node == null ? List.of() : (List<Map<String, Object>>) node;
    }
}
