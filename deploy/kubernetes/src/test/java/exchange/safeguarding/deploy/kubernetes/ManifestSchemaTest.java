package exchange.safeguarding.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests under base/ and overlays/, as {@code kubectl apply -k} would send them: every object valid
 * against its schema (built-in kinds strictly, Strimzi's against its model), every file part of a kustomization, and
 * the platform's own rules ({@link PlatformRules}): what the services need is set, what a manifest refers to exists.
 */
class ManifestSchemaTest {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path BASE = MODULE.resolve("base");
    static final Path DEMO = MODULE.resolve("overlays/demo");

    static KubernetesSchemas schemas;
    static StrimziResources strimzi;

    @BeforeAll
    static void loadSchemas() {
        schemas = KubernetesSchemas.load();
        strimzi = new StrimziResources();
    }

    @Test
    void everyFileIsPartOfAKustomizationAndEveryListedFileExists() throws IOException {
        // Listed files that do not exist fail inside KustomizeBuild; here: nothing lies around unlisted.
        Set<Path> referenced = Stream.of(BASE, DEMO).flatMap(dir -> KustomizeBuild.of(dir).referencedFiles().stream())
                .collect(Collectors.toSet());
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(BASE), Files.walk(MODULE.resolve("overlays")))) {
            files = walk.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).toList();
        }
        assertThat(files).as("files under base/ and overlays/").hasSizeGreaterThan(15);
        assertThat(files.stream().filter(f -> !referenced.contains(f)).map(MODULE::relativize))
                .as("files no kustomization lists (kubectl apply -k would skip them)").isEmpty();
        try (Stream<Path> overlays = Files.list(MODULE.resolve("overlays"))) {
            assertThat(overlays.filter(Files::isDirectory))
                    .as("every overlay is a kustomization").allMatch(dir -> Files.exists(dir.resolve(KustomizeBuild.FILE)));
        }
    }

    @Test
    void builtInObjectsMatchTheirKubernetesSchemaStrictly() {
        Set<String> problems = new TreeSet<>(); // the base's objects are in the demo build too: report each once
        int checked = 0;
        for (Path kustomization : List.of(BASE, DEMO)) {
            for (Manifest manifest : KustomizeBuild.of(kustomization).resources()) {
                if (StrimziResources.isStrimzi(manifest)) {
                    continue;
                }
                checked++;
                schemas.validate(manifest.body()).forEach(p -> problems.add(manifest.where() + ": " + p));
            }
        }
        assertThat(problems).as("schema violations").isEmpty();
        assertThat(checked).as("objects checked").isGreaterThan(40);
    }

    @Test
    void strimziObjectsMatchStrimzisModel() {
        List<Manifest> custom = KustomizeBuild.of(DEMO).resources().stream().filter(StrimziResources::isStrimzi).toList();
        assertThat(custom).extracting(Manifest::kind).contains("Kafka", "KafkaNodePool", "KafkaTopic");
        List<String> problems = new ArrayList<>();
        custom.forEach(m -> strimzi.validate(m.body()).forEach(p -> problems.add(m.where() + ": " + p)));
        assertThat(problems).as("Strimzi model violations").isEmpty();
    }

    @Test
    void theKubernetesSchemasRefuseMisspeltAndMistypedFields() {
        ObjectNode deployment = (ObjectNode) service("agreement-service", "Deployment").deepCopy();
        assertThat(schemas.validate(deployment)).as("the written Deployment").isEmpty();

        ObjectNode misspeltReplicas = deployment.deepCopy();
        ((ObjectNode) misspeltReplicas.get("spec")).set("replica", ((ObjectNode) misspeltReplicas.get("spec")).remove("replicas"));
        assertThat(schemas.validate(misspeltReplicas))
                .contains("$.spec: property 'replica' is not defined in the schema and the schema does not allow additional properties");

        ObjectNode misspeltContainers = deployment.deepCopy();
        ObjectNode podSpec = (ObjectNode) misspeltContainers.at("/spec/template/spec");
        podSpec.set("contianers", podSpec.remove("containers"));
        assertThat(schemas.validate(misspeltContainers))
                .contains("$.spec.template.spec: property 'contianers' is not defined in the schema and the schema does not allow additional properties");

        ObjectNode deepMisspelling = deployment.deepCopy();
        ((ObjectNode) deepMisspelling.at("/spec/template/spec/containers/0/readinessProbe/httpGet")).put("paht", "/q/health/ready");
        assertThat(schemas.validate(deepMisspelling)).anyMatch(p -> p.contains("paht"));

        ObjectNode textReplicas = deployment.deepCopy();
        ((ObjectNode) textReplicas.get("spec")).put("replicas", "2");
        assertThat(schemas.validate(textReplicas)).anyMatch(p -> p.contains("replicas") && p.contains("integer"));

        ObjectNode badQuantity = deployment.deepCopy();
        ((ObjectNode) badQuantity.at("/spec/template/spec/containers/0/resources/limits")).put("memory", "512MB");
        assertThat(schemas.validate(badQuantity)).anyMatch(p -> p.contains("memory"));

        // YAML 1.1: an unquoted `on` is a boolean, so an env value written that way is refused, as the API server would.
        Manifest yaml11 = YamlDocuments.read(write("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                data:
                  FEATURE: on
                """)).get(0);
        assertThat(schemas.validate(yaml11.body())).anyMatch(p -> p.contains("FEATURE") && p.contains("boolean"));
    }

    @Test
    void theStrimziCheckRefusesMisspeltFieldsAndWhatTheV1ApiDropped() {
        ObjectNode topic = (ObjectNode) KustomizeBuild.of(BASE).all("KafkaTopic").get(0).body().deepCopy();
        assertThat(strimzi.validate(topic)).as("a written KafkaTopic").isEmpty();

        ObjectNode misspelt = topic.deepCopy();
        ((ObjectNode) misspelt.get("spec")).set("partitons", ((ObjectNode) misspelt.get("spec")).remove("partitions"));
        assertThat(strimzi.validate(misspelt)).anyMatch(p -> p.startsWith("$.spec.partitons: Unrecognized field \"partitons\""));

        ObjectNode misspeltMetadata = topic.deepCopy();
        ((ObjectNode) misspeltMetadata.get("metadata")).put("lables", "x");
        assertThat(strimzi.validate(misspeltMetadata)).anyMatch(p -> p.startsWith("$.metadata.lables: Unrecognized field"));

        ObjectNode noPartitions = topic.deepCopy();
        ((ObjectNode) noPartitions.get("spec")).put("partitions", 0);
        assertThat(strimzi.validate(noPartitions)).contains("$.spec.partitions is 0, less than the minimum 1");

        ObjectNode kafka = (ObjectNode) KustomizeBuild.of(BASE).all("Kafka").get(0).body().deepCopy();
        assertThat(strimzi.validate(kafka)).as("the written Kafka").isEmpty();
        ObjectNode withReplicas = kafka.deepCopy();
        ((ObjectNode) withReplicas.at("/spec/kafka")).put("replicas", 3);
        // Node pools replaced spec.kafka.replicas; the v1 API no longer has it.
        assertThat(strimzi.validate(withReplicas)).anyMatch(p -> p.startsWith("$.spec.kafka.replicas does not exist in kafka.strimzi.io/v1 "));

        ObjectNode badListenerType = kafka.deepCopy();
        ((ObjectNode) ((ArrayNode) badListenerType.at("/spec/kafka/listeners")).get(0)).put("type", "internl");
        assertThat(strimzi.validate(badListenerType)).contains("$.spec.kafka.listeners[0].type \"internl\" is not a value Strimzi accepts");

        ObjectNode pool = (ObjectNode) KustomizeBuild.of(BASE).all("KafkaNodePool").get(0).body().deepCopy();
        ObjectNode noRoles = pool.deepCopy();
        ((ObjectNode) noRoles.get("spec")).remove("roles");
        assertThat(strimzi.validate(noRoles)).contains("$.spec.roles is required");
    }

    /** The platform's own rules, on what the demo overlay builds (the base plus its Secrets). */
    @Nested
    class PlatformRules {

        final KustomizeBuild demo = KustomizeBuild.of(DEMO);
        final List<Workload> workloads = Workload.in(demo);
        final List<ServiceSettings> services = ServiceSettings.all();

        @Test
        void everyContainerHasProbesResourcesAndRunsAsNonRootWithoutPrivileges() {
            // Keycloak's stock image rebuilds itself for PostgreSQL at start, writing into its own install directory.
            Set<String> writableRoot = Set.of("keycloak");
            List<String> problems = new ArrayList<>();
            for (Workload workload : workloads) {
                JsonNode pod = workload.podSpec();
                for (JsonNode container : workload.allContainers()) {
                    String where = workload.name() + "/" + container.path("name").asText() + ": ";
                    JsonNode resources = container.path("resources");
                    for (String bound : List.of("requests", "limits")) {
                        for (String resource : List.of("cpu", "memory")) {
                            if (resources.path(bound).path(resource).isMissingNode()) {
                                problems.add(where + "no " + bound + "." + resource);
                            }
                        }
                    }
                    if (Quantities.of(resources.at("/requests/memory").asText("0")) > Quantities.of(resources.at("/limits/memory").asText("0"))) {
                        problems.add(where + "requests more memory than its limit");
                    }
                    if (!Workload.securitySetting(container, pod, "runAsNonRoot").map(JsonNode::asBoolean).orElse(false)) {
                        problems.add(where + "runAsNonRoot is not true");
                    }
                    if (Workload.securitySetting(container, pod, "runAsUser").map(JsonNode::asLong).orElse(-1L) == 0) {
                        problems.add(where + "runs as user 0");
                    }
                    JsonNode security = container.path("securityContext");
                    if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                        problems.add(where + "allowPrivilegeEscalation is not false");
                    }
                    if (Workload.list(security.at("/capabilities/drop")).stream().noneMatch(c -> c.asText().equals("ALL"))) {
                        problems.add(where + "does not drop ALL capabilities");
                    }
                    if (!Workload.securitySetting(container, pod, "seccompProfile").map(p -> p.path("type").asText()).orElse("").equals("RuntimeDefault")) {
                        problems.add(where + "no RuntimeDefault seccomp profile");
                    }
                    if (!security.path("readOnlyRootFilesystem").asBoolean(false) && !writableRoot.contains(workload.name())) {
                        problems.add(where + "root filesystem is writable");
                    }
                }
                for (JsonNode container : workload.containers()) {
                    String where = workload.name() + "/" + container.path("name").asText() + ": ";
                    Set<String> ports = Workload.list(container.path("ports")).stream().map(p -> p.path("name").asText()).collect(Collectors.toSet());
                    for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                        JsonNode handler = container.path(probe);
                        if (handler.isMissingNode()) {
                            problems.add(where + "no " + probe);
                        } else if (handler.at("/httpGet/port").isTextual() && !ports.contains(handler.at("/httpGet/port").asText())) {
                            problems.add(where + probe + " uses port " + handler.at("/httpGet/port").asText() + ", which the container does not name");
                        }
                    }
                }
            }
            assertThat(problems).isEmpty();
            assertThat(workloads).extracting(Workload::name).containsAll(ServiceSettings.SERVICES).contains("postgres", "keycloak");
        }

        @Test
        void theServicesProbeTheQuarkusHealthEndpointsAndListenOnTheirConfiguredPort() {
            for (ServiceSettings service : services) {
                Workload workload = workload(service.name());
                JsonNode container = workload.containers().get(0);
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(service.name()).isEqualTo("/q/health/ready");
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(service.name()).isEqualTo("/q/health/live");
                assertThat(container.at("/startupProbe/httpGet/path").asText()).as(service.name()).isEqualTo("/q/health/started");
                assertThat(container.at("/ports/0/containerPort").asInt()).as(service.name() + " container port").isEqualTo(service.httpPort());
                assertThat(workload.podAnnotations()).as(service.name() + " Prometheus scrape annotations")
                        .containsEntry("prometheus.io/scrape", "true")
                        .containsEntry("prometheus.io/port", String.valueOf(service.httpPort()))
                        .containsEntry("prometheus.io/path", service.property("quarkus.micrometer.export.prometheus.path").orElse("/q/metrics"));
                assertThat(environment(workload, container).get("JAVA_TOOL_OPTIONS")).as(service.name() + " heap sized from the limit")
                        .contains("-XX:MaxRAMPercentage=");
            }
        }

        @Test
        void everySecretAndConfigMapReferenceNamesAKeyThatExists() {
            List<String> problems = new ArrayList<>();
            int references = 0;
            for (Workload workload : workloads) {
                String account = workload.podSpec().path("serviceAccountName").asText("");
                if (!account.isEmpty() && demo.find("ServiceAccount", account).isEmpty()) {
                    problems.add(workload.name() + ": no ServiceAccount " + account);
                }
                for (JsonNode container : workload.allContainers()) {
                    for (JsonNode env : container.path("env")) {
                        for (String kind : List.of("Secret", "ConfigMap")) {
                            JsonNode ref = env.path("valueFrom").path(kind.equals("Secret") ? "secretKeyRef" : "configMapKeyRef");
                            if (!ref.isMissingNode()) {
                                references++;
                                check(problems, workload.name() + " env " + env.path("name").asText(), kind, ref.path("name").asText(), ref.path("key").asText());
                            }
                        }
                    }
                    for (JsonNode from : container.path("envFrom")) {
                        references++;
                        JsonNode ref = from.has("secretRef") ? from.path("secretRef") : from.path("configMapRef");
                        check(problems, workload.name() + " envFrom", from.has("secretRef") ? "Secret" : "ConfigMap", ref.path("name").asText(), null);
                    }
                }
                for (JsonNode volume : workload.podSpec().path("volumes")) {
                    for (String kind : List.of("Secret", "ConfigMap")) {
                        JsonNode source = volume.path(kind.equals("Secret") ? "secret" : "configMap");
                        if (!source.isMissingNode()) {
                            references++;
                            String name = source.path(kind.equals("Secret") ? "secretName" : "name").asText();
                            check(problems, workload.name() + " volume " + volume.path("name").asText(), kind, name, null);
                            source.path("items").forEach(item -> check(problems, workload.name() + " volume item", kind, name, item.path("key").asText()));
                        }
                    }
                }
            }
            assertThat(problems).isEmpty();
            assertThat(references).isGreaterThan(30);
        }

        private void check(List<String> problems, String where, String kind, String name, String key) {
            var object = demo.find(kind, name);
            if (object.isEmpty()) {
                problems.add(where + ": no " + kind + " " + name);
            } else if (key != null && !KustomizeBuild.data(object.get()).containsKey(key)) {
                problems.add(where + ": " + kind + " " + name + " has no key " + key);
            }
        }

        @Test
        void everySettingTheServicesNeedIsSetAndTheSealingKeyGoesOnlyWhereItIsUsed() {
            for (ServiceSettings service : services) {
                Workload workload = workload(service.name());
                Map<String, String> environment = environment(workload, workload.containers().get(0));
                assertThat(environment.keySet()).as(service.name() + " environment: what its application.properties reads and what"
                                + " deploy/local passes it; set it in base/services/" + service.name() + ".env (or from a Secret)")
                        .containsAll(service.requiredEnvironment());
                assertThat(environment.containsKey("KIT_SECRET_SEALING_KEY")).as(service.name() + " holds the sealing key")
                        .isEqualTo(service.usesSealedSecrets());
            }
            Map<String, String> agreement = environment(workload("agreement-service"), workload("agreement-service").containers().get(0));
            assertThat(agreement).as("gateways must be HTTPS outside a developer's machine").containsEntry("GATEWAY_ALLOW_LOOPBACK_HTTP", "false");
            Map<String, String> base = KustomizeBuild.data(KustomizeBuild.of(BASE).find("ConfigMap", "notification-service").orElseThrow());
            assertThat(base).as("the base sends real email").containsEntry("SMTP_MOCK", "false");
        }

        @Test
        void eachServiceLogsInAsTheRoleThatOwnsItsDatabase() {
            Map<String, String> created = new LinkedHashMap<>();
            Matcher line = Pattern.compile("create_database (\\w+) \"\\$(\\w+)_DB_USER\"").matcher(
                    KustomizeBuild.data(demo.find("ConfigMap", "postgres-init").orElseThrow()).get("create-databases.sh"));
            while (line.find()) {
                created.put(line.group(1), line.group(2));
            }
            Workload postgres = workload("postgres");
            Map<String, JsonNode> postgresEnv = envByName(postgres.containers().get(0));
            Map<String, List<String>> logins = new LinkedHashMap<>();
            for (ServiceSettings service : services) {
                String url = environment(workload(service.name()), workload(service.name()).containers().get(0))
                        .get(service.placeholderOf("quarkus.datasource.jdbc.url").orElseThrow());
                logins.put(url, List.of(service.name(), service.placeholderOf("quarkus.datasource.username").orElseThrow(),
                        service.placeholderOf("quarkus.datasource.password").orElseThrow()));
            }
            logins.put(environment(workload("keycloak"), workload("keycloak").containers().get(0)).get("KC_DB_URL"),
                    List.of("keycloak", "KC_DB_USERNAME", "KC_DB_PASSWORD"));
            for (Map.Entry<String, List<String>> login : logins.entrySet()) {
                String url = login.getKey();
                String database = url.substring(url.lastIndexOf('/') + 1);
                assertThat(created).as("create-databases.sh creates " + database).containsKey(database);
                String prefix = created.get(database);
                JsonNode container = workload(login.getValue().get(0)).containers().get(0);
                assertThat(envByName(container).get(login.getValue().get(1)).at("/valueFrom/secretKeyRef"))
                        .as(login.getValue().get(0) + " user").isEqualTo(postgresEnv.get(prefix + "_DB_USER").at("/valueFrom/secretKeyRef"));
                assertThat(envByName(container).get(login.getValue().get(2)).at("/valueFrom/secretKeyRef"))
                        .as(login.getValue().get(0) + " password").isEqualTo(postgresEnv.get(prefix + "_DB_PASSWORD").at("/valueFrom/secretKeyRef"));
            }
        }

        @Test
        void everyTopicTheServicesNameIsAKafkaTopicOfTheShapeTheyCreate() {
            Set<String> named = services.stream().flatMap(s -> s.topics().stream()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(named).as("topics in the services' application.properties").contains("safeguarding.agreements", "safeguarding.concerns");
            Map<String, Manifest> topics = demo.all("KafkaTopic").stream().collect(Collectors.toMap(
                    t -> t.body().at("/spec/topicName").asText(t.name()), t -> t));
            assertThat(topics.keySet()).as("KafkaTopics").containsExactlyInAnyOrderElementsOf(named);

            // The topic operator is what turns KafkaTopics into topics.
            Set<String> clusters = demo.all("Kafka").stream().filter(k -> k.body().at("/spec/entityOperator").has("topicOperator"))
                    .map(Manifest::name).collect(Collectors.toSet());
            Set<String> topicConfigs = topicConfigNames();
            for (Manifest topic : topics.values()) {
                String cluster = topic.body().at("/metadata/labels/strimzi.io~1cluster").asText();
                assertThat(clusters).as(topic.where() + " cluster").contains(cluster);
                int brokers = demo.all("KafkaNodePool").stream()
                        .filter(p -> p.body().at("/metadata/labels/strimzi.io~1cluster").asText().equals(cluster))
                        .filter(p -> Workload.list(p.body().at("/spec/roles")).stream().anyMatch(r -> r.asText().equals("broker")))
                        .mapToInt(p -> p.body().at("/spec/replicas").asInt()).sum();
                int replicas = topic.body().at("/spec/replicas").asInt();
                assertThat(replicas).as(topic.where() + " replicas").isBetween(1, brokers);
                assertThat(topic.body().at("/spec/config/min.insync.replicas").asInt(1)).as(topic.where() + " min.insync.replicas")
                        .isLessThan(replicas);
                topic.body().at("/spec/config").fieldNames().forEachRemaining(key ->
                        assertThat(topicConfigs).as(topic.where() + " config key").contains(key));
                for (ServiceSettings service : services) {
                    Map<String, String> env = environment(workload(service.name()), workload(service.name()).containers().get(0));
                    assertThat(env).as(service.name() + " creates missing topics like " + topic.name())
                            .containsEntry("KIT_TOPICS_PARTITIONS", topic.body().at("/spec/partitions").asText())
                            .containsEntry("KIT_TOPICS_REPLICATION_FACTOR", String.valueOf(replicas));
                }
            }
        }

        @Test
        void addressesSelectorsAndPortsPointAtSomethingThatExists() {
            List<String> problems = new ArrayList<>();
            Pattern internal = Pattern.compile("^(?:https?|jdbc:postgresql)://([a-z0-9-]+):(\\d+)(?:/.*)?$");
            Pattern bootstrap = Pattern.compile("^([a-z0-9-]+)-kafka-bootstrap:(\\d+)$");
            for (Workload workload : workloads) {
                for (JsonNode container : workload.containers()) {
                    environment(workload, container).forEach((name, value) -> {
                        if (value == null) {
                            return; // a missing key: everySecretAndConfigMapReferenceNamesAKeyThatExists reports it
                        }
                        Matcher url = internal.matcher(value);
                        // localhost: the demo's public addresses, reached through kubectl port-forward.
                        if (url.matches() && !url.group(1).equals("localhost") && !servicePort(url.group(1), Integer.parseInt(url.group(2)))) {
                            problems.add(workload.name() + " " + name + "=" + value + ": no Service with that name and port");
                        }
                        Matcher kafka = bootstrap.matcher(value);
                        if (kafka.matches() && !plainListener(kafka.group(1), Integer.parseInt(kafka.group(2)))) {
                            problems.add(workload.name() + " " + name + "=" + value + ": no Kafka with a plain listener on that port");
                        }
                    });
                }
            }
            for (Manifest service : demo.all("Service")) {
                List<Workload> selected = workloads.stream()
                        .filter(w -> Workload.selects(objectSelector(service.body().at("/spec/selector")), w.podLabels())).toList();
                if (selected.isEmpty()) {
                    problems.add(service.where() + " selects no pods");
                }
                for (JsonNode port : service.body().at("/spec/ports")) {
                    String target = port.path("targetPort").asText();
                    if (port.path("targetPort").isTextual() && selected.stream().noneMatch(w -> w.containers().stream()
                            .anyMatch(c -> Workload.list(c.path("ports")).stream().anyMatch(p -> p.path("name").asText().equals(target))))) {
                        problems.add(service.where() + " targets port " + target + ", which no selected container names");
                    }
                }
            }
            for (Workload workload : workloads) {
                if (!Workload.selects(workload.manifest().body().at("/spec/selector"), workload.podLabels())) {
                    problems.add(workload.manifest().where() + " selector does not match its pod template's labels");
                }
            }
            for (String kind : List.of("PodDisruptionBudget", "NetworkPolicy")) {
                for (Manifest policy : demo.all(kind)) {
                    JsonNode selector = policy.body().at(kind.equals("NetworkPolicy") ? "/spec/podSelector" : "/spec/selector");
                    if (!selector.isEmpty() && workloads.stream().noneMatch(w -> Workload.selects(selector, w.podLabels()))) {
                        problems.add(policy.where() + " selects no pods");
                    }
                }
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void replicasMatchTheirDisruptionBudgets() {
            for (ServiceSettings service : services) {
                Workload workload = workload(service.name());
                Manifest budget = demo.all("PodDisruptionBudget").stream()
                        .filter(b -> Workload.selects(b.body().at("/spec/selector"), workload.podLabels())).findFirst()
                        .orElseThrow(() -> new AssertionError(service.name() + " has no PodDisruptionBudget"));
                JsonNode spec = budget.body().path("spec");
                if (workload.replicas() > 1) {
                    assertThat(spec.path("minAvailable").asInt(0)).as(service.name() + " keeps a replica during drains")
                            .isBetween(1, workload.replicas() - 1);
                } else {
                    // minAvailable: 1 on a single replica would block every node drain.
                    assertThat(spec.has("minAvailable")).as(service.name() + " (one replica) budget uses maxUnavailable").isFalse();
                    assertThat(spec.path("maxUnavailable").asInt(0)).as(service.name() + " maxUnavailable").isGreaterThanOrEqualTo(1);
                }
            }
        }

        @Test
        void theIngressRoutesEveryResourcePathAndNothingOfTheManagementEndpoints() {
            // Platform services only (RolesAllowed platform-service): reached inside the cluster, never routed.
            Map<String, Set<String>> internalOnly = Map.of("concern-service", Set.of("/extracts"));
            Map<String, Set<String>> routed = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (Manifest ingress : demo.all("Ingress")) {
                for (JsonNode rule : ingress.body().at("/spec/rules")) {
                    for (JsonNode path : rule.at("/http/paths")) {
                        String service = path.at("/backend/service/name").asText();
                        String prefix = path.path("path").asText();
                        routed.computeIfAbsent(service, s -> new TreeSet<>()).add(prefix);
                        if (prefix.equals("/") || prefix.startsWith("/q/health") || prefix.startsWith("/q/metrics") || prefix.startsWith("/admin")) {
                            problems.add(ingress.where() + " routes " + prefix + " to " + service);
                        }
                        if (demo.find("Service", service).isEmpty()) {
                            problems.add(ingress.where() + " routes to a missing Service " + service);
                        }
                    }
                }
            }
            for (ServiceSettings service : services) {
                Set<String> roots = service.resourceRoots();
                assertThat(roots).as(service.name() + " resource paths").isNotEmpty();
                for (String prefix : routed.getOrDefault(service.name(), Set.of())) {
                    if (!roots.contains(prefix) && !Set.of("/q/openapi", "/q/swagger-ui").contains(prefix)) {
                        problems.add(service.name() + " has no resource at " + prefix + ", which the Ingress routes to it");
                    }
                }
                for (String root : roots) {
                    boolean internal = internalOnly.getOrDefault(service.name(), Set.of()).contains(root);
                    boolean isRouted = routed.getOrDefault(service.name(), Set.of()).contains(root);
                    if (internal == isRouted) {
                        problems.add(service.name() + " " + root + (internal ? " is internal but routed" : " is not routed"));
                    }
                }
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void imagesRealmAndVersionsAgreeWithTheRestOfTheProject() throws IOException {
            Properties root = pomProperties();
            assertThat(Files.readString(BASE.resolve("keycloak/safeguarding-realm.json")))
                    .as("base/keycloak/safeguarding-realm.json is a copy of deploy/keycloak/safeguarding-realm.json: copy it again")
                    .isEqualTo(Files.readString(ServiceSettings.ROOT.resolve("deploy/keycloak/safeguarding-realm.json")));
            assertThat(image(workload("keycloak"))).isEqualTo("quay.io/keycloak/keycloak:" + root.getProperty("keycloak.version"));
            String postgresMajor = root.getProperty("postgres-binaries.version").split("\\.")[0];
            assertThat(image(workload("postgres"))).matches(".*/postgres:" + postgresMajor + "(\\..*)?");
            Map<String, String> listed = demo.images();
            for (ServiceSettings service : services) {
                String image = image(workload(service.name()));
                String name = image.substring(0, image.lastIndexOf(':'));
                assertThat(name).isEqualTo("ghcr.io/safeguarding-exchange/" + service.name());
                assertThat(listed).as("kustomization images (what operators override)").containsKey(name);
            }
            assertThat(listed.keySet()).as("every listed image is used")
                    .allMatch(name -> workloads.stream().anyMatch(w -> image(w).startsWith(name + ":")));
        }

        @Test
        void theReadmeNamesEverySecretAndKeyTheBaseNeeds() throws IOException {
            List<String> readme = Files.readAllLines(MODULE.resolve("README.md"));
            Map<String, Set<String>> needed = new TreeMap<>();
            for (Workload workload : Workload.in(KustomizeBuild.of(BASE))) {
                for (JsonNode container : workload.allContainers()) {
                    for (JsonNode env : container.path("env")) {
                        JsonNode ref = env.at("/valueFrom/secretKeyRef");
                        if (!ref.isMissingNode()) {
                            needed.computeIfAbsent(ref.path("name").asText(), n -> new TreeSet<>()).add(ref.path("key").asText());
                        }
                    }
                }
            }
            assertThat(needed).isNotEmpty();
            needed.forEach((secret, keys) -> assertThat(readme)
                    .as("README has a line naming Secret " + secret + " with its keys " + keys)
                    .anyMatch(line -> line.contains("`" + secret + "`") && keys.stream().allMatch(k -> line.contains("`" + k + "`"))));
        }

        private Workload workload(String name) {
            return workloads.stream().filter(w -> w.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + name));
        }

        /** A container's environment as the pod sees it: envFrom ConfigMaps, then env (literal or referenced values). */
        private Map<String, String> environment(Workload workload, JsonNode container) {
            Map<String, String> environment = new LinkedHashMap<>();
            for (JsonNode from : container.path("envFrom")) {
                String kind = from.has("secretRef") ? "Secret" : "ConfigMap";
                JsonNode ref = from.has("secretRef") ? from.path("secretRef") : from.path("configMapRef");
                demo.find(kind, ref.path("name").asText()).ifPresent(m -> environment.putAll(KustomizeBuild.data(m)));
            }
            for (JsonNode env : container.path("env")) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef").isMissingNode() ? env.at("/valueFrom/configMapKeyRef") : env.at("/valueFrom/secretKeyRef");
                String kind = env.at("/valueFrom/secretKeyRef").isMissingNode() ? "ConfigMap" : "Secret";
                String value = env.has("value") ? env.path("value").asText()
                        : demo.find(kind, ref.path("name").asText()).map(m -> KustomizeBuild.data(m).get(ref.path("key").asText())).orElse(null);
                environment.put(env.path("name").asText(), value);
            }
            return environment;
        }

        private Map<String, JsonNode> envByName(JsonNode container) {
            return Workload.list(container.path("env")).stream().collect(Collectors.toMap(e -> e.path("name").asText(), e -> e));
        }

        private boolean servicePort(String name, int port) {
            return demo.find("Service", name).map(s -> Workload.list(s.body().at("/spec/ports")).stream()
                    .anyMatch(p -> p.path("port").asInt() == port)).orElse(false);
        }

        private boolean plainListener(String cluster, int port) {
            return demo.find("Kafka", cluster).map(k -> Workload.list(k.body().at("/spec/kafka/listeners")).stream()
                    .anyMatch(l -> l.path("port").asInt() == port && !l.path("tls").asBoolean())).orElse(false);
        }

        private static JsonNode objectSelector(JsonNode serviceSelector) {
            ObjectNode selector = JsonNodeFactory.instance.objectNode();
            selector.set("matchLabels", serviceSelector);
            return selector;
        }

        private static String image(Workload workload) {
            return workload.containers().get(0).path("image").asText();
        }

        private static Set<String> topicConfigNames() {
            return Stream.of(TopicConfig.class.getFields())
                    .filter(f -> f.getName().endsWith("_CONFIG") && f.getType() == String.class)
                    .map(f -> {
                        try {
                            return (String) f.get(null);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }).collect(Collectors.toSet());
        }

        private static Properties pomProperties() throws IOException {
            String pom = Files.readString(ServiceSettings.ROOT.resolve("pom.xml"));
            Properties properties = new Properties();
            Matcher m = Pattern.compile("<([a-z.-]+\\.version)>([^<]+)</\\1>").matcher(pom);
            while (m.find()) {
                properties.setProperty(m.group(1), m.group(2));
            }
            return properties;
        }
    }

    static JsonNode service(String name, String kind) {
        return KustomizeBuild.of(BASE).find(kind, name).orElseThrow().body();
    }

    private static Path write(String yaml) {
        try {
            Path file = Files.createTempFile("manifest", ".yaml");
            Files.writeString(file, yaml);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
