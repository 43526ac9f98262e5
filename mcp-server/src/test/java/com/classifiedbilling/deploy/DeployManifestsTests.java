package com.classifiedbilling.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kubernetes manifests in {@code mcp-server/deploy/kubernetes} against the application they
 * run: the probes are the actuator's health groups, the port is the server's, every environment
 * variable is one the application reads, and every reference (Secret and ConfigMap keys, the
 * Service's port, the budget's and autoscaler's target) points at something that exists.
 */
class DeployManifestsTests {

    static final Path MANIFESTS = Path.of("deploy", "kubernetes");

    static final List<Map<String, Object>> documents = new ArrayList<>();

    static Map<String, Object> application;

    static String applicationText;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        try (InputStream in = DeployManifestsTests.class.getResourceAsStream("/application.yml")) {
            applicationText = new String(in.readAllBytes());
        }
        application = new Yaml().load(applicationText);
    }

    @Test
    void everyKindAnOperatorNeedsIsThere() {
        assertThat(documents)
                .extracting(d -> d.get("kind"))
                .contains(
                        "Deployment",
                        "Service",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler",
                        "ConfigMap",
                        "Secret");
    }

    @Test
    void theProbesAreTheActuatorsHealthGroupsOnTheManagementPortAndTheServiceHasOnlyTheServersPort() {
        Map<String, Object> container = container();
        Map<String, Object> health = map(map(map(application, "management"), "endpoint"), "health");
        Map<String, Object> groups = map(health, "group");

        assertThat(map(health, "probes").get("enabled")).isEqualTo(true);
        assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(path(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(groups).containsKeys("readiness", "liveness");
        int serverPort = Integer.parseInt(placeholderDefault("PORT"));
        Map<String, Map<String, Object>> ports = new HashMap<>();
        list(container, "ports").forEach(port -> ports.put((String) port.get("name"), port));
        assertThat(ports.get("http").get("containerPort")).isEqualTo(serverPort);
        assertThat(env(container)).containsEntry("PORT", Integer.toString(serverPort));
        assertThat(env(container))
                .containsEntry(
                        "MANAGEMENT_PORT",
                        ports.get("management").get("containerPort").toString());
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(map(map(container, probe), "httpGet").get("port")).isEqualTo("management");
        }
        assertThat(map(map(map(map(kind("Deployment"), "spec"), "template"), "metadata"), "annotations"))
                .containsEntry(
                        "prometheus.io/port",
                        ports.get("management").get("containerPort").toString())
                .containsEntry("prometheus.io/path", "/actuator/prometheus");
        assertThat(list(map(kind("Service"), "spec"), "ports"))
                .extracting(port -> port.get("targetPort"))
                .containsExactly("http");
    }

    @Test
    void everyEnvironmentVariableIsOneTheApplicationReads() throws IOException {
        Set<String> read = new HashSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+)[:}]").matcher(applicationText);
        while (placeholder.find()) {
            read.add(placeholder.group(1));
        }
        read.addAll(springBootSettings());

        assertThat(env(container()).keySet())
                .isSubsetOf(read)
                .contains("BILLING_DATABASE_URL", "BILLING_PUBLIC_URL", "BILLING_REDIS_URL");
    }

    /**
     * Spring Boot's own settings as environment variables (relaxed binding: {@code
     * logging.structured.format.console} is {@code LOGGING_STRUCTURED_FORMAT_CONSOLE}), from the
     * configuration metadata its jars carry.
     */
    private static Set<String> springBootSettings() throws IOException {
        Set<String> names = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        Enumeration<URL> resources =
                DeployManifestsTests.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        while (resources.hasMoreElements()) {
            try (InputStream in = resources.nextElement().openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    names.add(property.path("name")
                            .asString()
                            .replace("-", "")
                            .replace('.', '_')
                            .toUpperCase(Locale.ROOT));
                }
            }
        }
        assertThat(names).contains("SERVER_PORT", "LOGGING_STRUCTURED_FORMAT_CONSOLE");
        return names;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyReferenceFindsWhatItNames() {
        Map<String, Object> deployment = kind("Deployment");
        String name = (String) map(deployment, "metadata").get("name");
        Map<String, Object> labels = map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
        for (Map<String, Object> variable : list(container(), "env")) {
            Map<String, Object> from = (Map<String, Object>) variable.get("valueFrom");
            if (from == null) {
                continue;
            }
            String refKind = from.containsKey("secretKeyRef") ? "Secret" : "ConfigMap";
            Map<String, Object> ref = map(from, refKind.equals("Secret") ? "secretKeyRef" : "configMapKeyRef");
            Map<String, Object> target = kind(refKind);
            assertThat(map(target, "metadata").get("name")).isEqualTo(ref.get("name"));
            Map<String, Object> data = map(target, refKind.equals("Secret") ? "stringData" : "data");
            assertThat(data).as(variable.get("name").toString()).containsKey((String) ref.get("key"));
        }
        Map<String, Object> service = kind("Service");
        assertThat(map(map(service, "spec"), "selector")).isEqualTo(labels);
        assertThat(list(map(service, "spec"), "ports").get(0).get("targetPort"))
                .isEqualTo(list(container(), "ports").get(0).get("name"));
        assertThat(map(map(map(kind("PodDisruptionBudget"), "spec"), "selector"), "matchLabels"))
                .isEqualTo(labels);
        assertThat(map(map(kind("HorizontalPodAutoscaler"), "spec"), "scaleTargetRef")
                        .get("name"))
                .isEqualTo(name);
        assertThat(map(map(map(deployment, "spec"), "template"), "spec").get("securityContext"))
                .asString()
                .contains("runAsNonRoot=true");
    }

    private static String placeholderDefault(String variable) {
        Matcher matcher = Pattern.compile("\\$\\{" + variable + ":([^}]*)}").matcher(applicationText);
        assertThat(matcher.find()).as(variable).isTrue();
        return matcher.group(1);
    }

    private static Map<String, Object> kind(String kind) {
        return documents.stream()
                .filter(d -> kind.equals(d.get("kind")))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> container() {
        return list(map(map(map(kind("Deployment"), "spec"), "template"), "spec"), "containers")
                .get(0);
    }

    private static String path(Map<String, Object> container, String probe) {
        return (String) map(map(container, probe), "httpGet").get("path");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (Map<String, Object> variable : list(container, "env")) {
            env.put((String) variable.get("name"), (String) variable.get("value"));
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
