package exchange.safeguarding.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** docs/asyncapi.yaml as a JSON tree, with its local references resolved on demand. */
final class AsyncApiDocument {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A {@code $ref} and where in the document it was written. */
    record Reference(String location, String target) {
    }

    /** An operation, with the channel address and service it is for. */
    record Operation(String id, String action, String channelId, String address, Set<String> tags,
                     List<String> messageRefs, JsonNode bindings) {
    }

    final JsonNode root;

    AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load(Path path) {
        try {
            return new AsyncApiDocument(YAML.readTree(path.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node a local reference ({@code #/components/...}) points to, or a missing node. */
    JsonNode at(String ref) {
        if (ref == null || !ref.startsWith("#/")) {
            return MissingNode.getInstance();
        }
        return root.at(ref.substring(1));
    }

    /** Every {@code $ref} in the document. */
    List<Reference> references() {
        List<Reference> found = new ArrayList<>();
        collectReferences(root, "#", found);
        return found;
    }

    /** A deep copy of {@code node} with every reference replaced by what it points to. */
    JsonNode inline(JsonNode node) {
        return inline(node, 0);
    }

    /** Kafka channels: id to address (channels without an address are not topics). */
    Map<String, String> topics() {
        Map<String, String> topics = new LinkedHashMap<>();
        root.path("channels").fields().forEachRemaining(e -> {
            if (e.getValue().path("address").isTextual()) {
                topics.put(e.getKey(), e.getValue().path("address").asText());
            }
        });
        return topics;
    }

    /** The messages of a channel, by their key in the channel, resolved. */
    Map<String, JsonNode> channelMessages(String channelId) {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        root.path("channels").path(channelId).path("messages").fields()
                .forEachRemaining(e -> messages.put(e.getKey(), resolve(e.getValue())));
        return messages;
    }

    /** Every component message, by name. */
    Map<String, JsonNode> messages() {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        root.path("components").path("messages").fields().forEachRemaining(e -> messages.put(e.getKey(), e.getValue()));
        return messages;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("operations").fields().forEachRemaining(e -> {
            JsonNode op = e.getValue();
            String channelRef = op.path("channel").path("$ref").asText();
            String channelId = channelRef.startsWith("#/channels/") ? channelRef.substring("#/channels/".length()) : null;
            JsonNode address = at(channelRef).path("address");
            Set<String> tags = new LinkedHashSet<>();
            op.path("tags").forEach(t -> tags.add(resolve(t).path("name").asText()));
            List<String> refs = new ArrayList<>();
            op.path("messages").forEach(m -> refs.add(m.path("$ref").asText()));
            operations.add(new Operation(e.getKey(), op.path("action").asText(), channelId,
                    address.isTextual() ? address.asText() : null, tags, refs, op.path("bindings")));
        });
        return operations;
    }

    /** The event types a message's payload admits: its {@code type} property's const or enum. */
    Set<String> eventTypes(JsonNode message) {
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode part : parts(inline(resolve(message).path("payload")))) {
            JsonNode type = part.path("properties").path("type");
            if (type.has("const")) {
                types.add(type.get("const").asText());
            }
            type.path("enum").forEach(v -> types.add(v.asText()));
        }
        return types;
    }

    /** The schema of a message's {@code data}, inlined; missing when the payload declares none. */
    JsonNode dataSchema(JsonNode message) {
        JsonNode found = MissingNode.getInstance();
        for (JsonNode part : parts(inline(resolve(message).path("payload")))) {
            if (part.path("properties").has("data")) {
                found = part.path("properties").path("data");
            }
        }
        return found;
    }

    /** The message's headers schema: its own, or else the one its traits give it. */
    JsonNode headersSchema(JsonNode message) {
        JsonNode resolved = resolve(message);
        if (resolved.has("headers")) {
            return inline(resolved.get("headers"));
        }
        for (JsonNode trait : resolved.path("traits")) {
            JsonNode headers = resolve(trait).path("headers");
            if (!headers.isMissingNode()) {
                return inline(headers);
            }
        }
        return MissingNode.getInstance();
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 16 && current.has("$ref"); i++) {
            current = at(current.get("$ref").asText());
        }
        return current;
    }

    /** A schema and the members of its allOf, flattened. */
    private static List<JsonNode> parts(JsonNode schema) {
        List<JsonNode> parts = new ArrayList<>();
        parts.add(schema);
        for (JsonNode member : schema.path("allOf")) {
            parts.addAll(parts(member));
        }
        return parts;
    }

    private JsonNode inline(JsonNode node, int depth) {
        if (depth > 64) {
            throw new IllegalStateException("references nest too deep (a cycle?) at " + node);
        }
        if (node.isObject()) {
            if (node.has("$ref")) {
                JsonNode target = at(node.get("$ref").asText());
                if (target.isMissingNode()) {
                    throw new IllegalStateException("unresolved reference " + node.get("$ref").asText());
                }
                return inline(target, depth + 1);
            }
            ObjectNode copy = YAML.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), inline(field.getValue(), depth + 1));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(inline(item, depth + 1)));
            return copy;
        }
        return node;
    }

    private static void collectReferences(JsonNode node, String location, List<Reference> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    found.add(new Reference(location, e.getValue().asText()));
                } else {
                    collectReferences(e.getValue(), location + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectReferences(node.get(i), location + "/" + i, found);
            }
        }
    }
}
