package org.ippc.cpm.query.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests in deploy/k8s say what the engine does: readiness on the health group that follows the
 * database, liveness on the one that does not, the port the engine listens on, a Service and a disruption budget
 * that keep a node serving. (MultiNodeIT proves the two groups behave so during a real outage.)
 */
class DeployManifestsTest {

    private static final Path MANIFEST = Path.of("../deploy/k8s/cpm-engine.yaml");

    @Test
    void the_deployment_probes_readiness_and_liveness_on_the_engines_health_groups() throws IOException {
        Map<String, Map<String, Object>> byKind = documents();
        assertThat(byKind).containsKeys("Deployment", "Service", "PodDisruptionBudget");

        Map<String, Object> deployment = byKind.get("Deployment");
        assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> container = only(at(deployment, "spec", "template", "spec", "containers"));
        assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        int period = at(container, "readinessProbe", "periodSeconds");
        int failures = at(container, "readinessProbe", "failureThreshold");
        assertThat(period * failures)
                .as("traffic leaves a node within 5 s of it losing the database")
                .isLessThanOrEqualTo(5);
        Map<String, Object> port = only(at(container, "ports"));
        assertThat(port.get("containerPort")).isEqualTo(8080);
        List<Map<String, Object>> env = at(container, "env");
        assertThat(env)
                .anySatisfy(variable ->
                        assertThat(variable).containsEntry("name", "PORT").containsEntry("value", "8080"));
        assertThat(env)
                .extracting(variable -> variable.get("name"))
                .contains(
                        "CPM_DB_URL",
                        "CPM_DB_USER",
                        "CPM_DB_PASSWORD",
                        "AXONIQ_UPDATE_CHECKER_DISABLED",
                        "CPM_SECURITY_ISSUER",
                        "CPM_SECURITY_AUDIENCE",
                        "CPM_CHECKPOINT_KEY",
                        "CPM_OUTREACH_LINK_KEY",
                        "CPM_PUBLIC_URL");
        assertThat((List<String>) at(container, "args"))
                .anySatisfy(arg -> assertThat(arg).contains("postgres"));

        Map<String, Object> labels = at(deployment, "spec", "template", "metadata", "labels");
        assertThat((Map<String, Object>) at(byKind.get("Service"), "spec", "selector"))
                .isEqualTo(labels);
        assertThat((Map<String, Object>) at(byKind.get("PodDisruptionBudget"), "spec", "selector", "matchLabels"))
                .isEqualTo(labels);
        assertThat((Integer) at(byKind.get("PodDisruptionBudget"), "spec", "minAvailable"))
                .isPositive();
    }

    @Test
    void the_engine_defines_the_health_groups_the_probes_use() throws IOException {
        try (InputStream config = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Object> engine = first(new Yaml().loadAll(config));
            Map<String, Object> groups = at(engine, "management", "endpoint", "health", "group");
            assertThat((String) at(groups, "readiness", "include"))
                    .contains("db")
                    .contains("readinessState");
            assertThat((String) at(groups, "liveness", "include")).isEqualTo("livenessState");
        }
    }

    private static Map<String, Map<String, Object>> documents() throws IOException {
        Map<String, Map<String, Object>> byKind = new java.util.HashMap<>();
        for (Object document : new Yaml().loadAll(Files.readString(MANIFEST))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) document;
            byKind.put((String) map.get("kind"), map);
        }
        return byKind;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Iterable<Object> documents) {
        return (Map<String, Object>) documents.iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            assertThat(value).as("'%s' in %s", key, String.join(".", path)).isInstanceOf(Map.class);
            value = ((Map<String, Object>) value).get(key);
        }
        assertThat(value).as(String.join(".", path)).isNotNull();
        return (T) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(Object list) {
        List<Object> items = new ArrayList<>((List<Object>) list);
        assertThat(items).hasSize(1);
        return (Map<String, Object>) items.get(0);
    }
}
