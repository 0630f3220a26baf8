package exchange.safeguarding.kit.testing.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** Walking an OpenAPI document as a JSON tree: its operations, and local references. */
final class Documents {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private Documents() {
    }

    record OperationAt(String method, String path, JsonNode pathItem, JsonNode operation) {
        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    static List<OperationAt> operations(JsonNode document) {
        List<OperationAt> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(new OperationAt(entry.getKey(), path.getKey(), path.getValue(), entry.getValue()));
            }
        }));
        return operations;
    }

    /** The node a local {@code $ref} points to (following chains), or the node itself when it is not a reference. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current != null && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            current = document.at(ref.substring(1));
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    /** Every media type of every request body and response of every operation, with where it is. */
    static void mediaTypes(JsonNode document, BiConsumer<String, JsonNode> visitor) {
        for (OperationAt at : operations(document)) {
            resolve(document, at.operation().path("requestBody")).path("content").fields()
                    .forEachRemaining(m -> visitor.accept(at.name() + " request " + m.getKey(), m.getValue()));
            at.operation().path("responses").fields().forEachRemaining(r -> resolve(document, r.getValue()).path("content")
                    .fields().forEachRemaining(m -> visitor.accept(at.name() + " " + r.getKey() + " " + m.getKey(), m.getValue())));
        }
    }
}
