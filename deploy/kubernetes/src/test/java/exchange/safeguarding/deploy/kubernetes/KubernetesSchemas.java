package exchange.safeguarding.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schemas of the built-in Kubernetes kinds, from the fabric8 model's {@code schema/validation-schema.json} (core,
 * apps, networking and policy), made to judge YAML as the API server reads it:
 * <ul>
 *   <li>strict, as {@code kubeconform -strict}: an object with declared properties accepts no other, so a misspelt
 *       field fails instead of being dropped by the server;</li>
 *   <li>the wire forms of the types the Java model describes as objects: a quantity ({@code 512Mi}, {@code 250m},
 *       {@code 2}), an int-or-string ({@code 8080} or {@code http}), a micro-time (a string);</li>
 *   <li>{@code apiVersion}, {@code kind} and {@code metadata} required of a top-level object (the schema marks the
 *       first two in draft-3 style on every definition, which would wrongly require them of embedded objects such as a
 *       StatefulSet's volume claim templates).</li>
 * </ul>
 */
final class KubernetesSchemas {

    private static final List<String> MODULES = List.of("core", "apps", "networking", "policy");
    /** The properties of the Java model that are not JSON Schema. */
    private static final Set<String> JAVA_KEYWORDS = Set.of("javaType", "existingJavaType", "javaInterfaces",
            "javaOmitEmpty", "serializer", "deserializer");
    /** Kubernetes' own pattern for a resource quantity. */
    private static final String QUANTITY_PATTERN =
            "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** "apps/v1 Deployment" to the module's strict definitions and the kind's definition name. */
    private final Map<String, KindSchema> kinds = new LinkedHashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private record KindSchema(ObjectNode definitions, String definition) {
    }

    /** The schemas the build unpacked from the fabric8 jars (see pom.xml). */
    static KubernetesSchemas load() {
        Path directory = Path.of(System.getProperty("kubernetes.schemas", "target/kubernetes-schemas"));
        KubernetesSchemas schemas = new KubernetesSchemas();
        for (String module : MODULES) {
            Path file = directory.resolve(module).resolve("schema/validation-schema.json");
            if (!Files.exists(file)) {
                throw new IllegalStateException(file + " is missing: run the build (mvn verify), which unpacks it");
            }
            try {
                schemas.add((ObjectNode) JSON.readTree(file.toFile()).path("definitions"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    private void add(ObjectNode original) {
        ObjectNode definitions = NODES.objectNode();
        original.fields().forEachRemaining(e -> definitions.set(e.getKey(), strict(e.getValue())));
        definitions.fields().forEachRemaining(e -> {
            JsonNode properties = e.getValue().path("properties");
            String apiVersion = original.path(e.getKey()).path("properties").path("apiVersion").path("default").asText("");
            String kind = original.path(e.getKey()).path("properties").path("kind").path("default").asText("");
            if (!apiVersion.isEmpty() && !kind.isEmpty() && properties.has("metadata")) {
                // Modules repeat core kinds; the first module (core) wins.
                kinds.putIfAbsent(apiVersion + " " + kind, new KindSchema(definitions, e.getKey()));
            }
        });
    }

    boolean knows(String apiVersion, String kind) {
        return kinds.containsKey(apiVersion + " " + kind);
    }

    /** What is wrong with this object, one line per problem, sorted; empty when it is valid. */
    List<String> validate(JsonNode object) {
        String key = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        KindSchema kind = kinds.get(key);
        if (kind == null) {
            return List.of("no schema for " + key);
        }
        JsonSchema schema = compiled.computeIfAbsent(key, k -> {
            ObjectNode root = NODES.objectNode();
            root.put("$schema", "http://json-schema.org/draft-07/schema#");
            root.set("definitions", kind.definitions());
            root.putArray("allOf").addObject().put("$ref", "#/definitions/" + kind.definition());
            root.putArray("required").add("apiVersion").add("kind").add("metadata");
            return factory.getSchema(root);
        });
        Set<ValidationMessage> messages = schema.validate(object);
        return messages.stream().map(ValidationMessage::getMessage).sorted(Comparator.naturalOrder()).toList();
    }

    /** The strict, wire-format version of one schema node. */
    private static JsonNode strict(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(item -> copy.add(strict(item)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        String javaType = node.path("javaType").asText(node.path("existingJavaType").asText(""));
        if (javaType.endsWith("Quantity")) {
            ObjectNode quantity = NODES.objectNode();
            quantity.putArray("anyOf").add(NODES.objectNode().put("type", "number"))
                    .add(NODES.objectNode().put("type", "string").put("pattern", QUANTITY_PATTERN));
            return quantity;
        }
        if (javaType.endsWith("IntOrString")) {
            ObjectNode intOrString = NODES.objectNode();
            intOrString.putArray("type").add("integer").add("string");
            return intOrString;
        }
        if (javaType.endsWith("MicroTime")) {
            return NODES.objectNode().put("type", "string");
        }
        ObjectNode copy = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String keyword = e.getKey();
            if (JAVA_KEYWORDS.contains(keyword) || (keyword.equals("required") && e.getValue().isBoolean())) {
                continue;
            }
            if (keyword.equals("properties")) {
                ObjectNode properties = copy.putObject("properties");
                e.getValue().fields().forEachRemaining(p -> properties.set(p.getKey(), strict(p.getValue())));
            } else {
                copy.set(keyword, e.getValue().isContainerNode() ? strict(e.getValue()) : e.getValue());
            }
        }
        if (copy.has("properties") && !copy.path("additionalProperties").isObject()) {
            copy.put("additionalProperties", false);
        }
        return copy;
    }
}
