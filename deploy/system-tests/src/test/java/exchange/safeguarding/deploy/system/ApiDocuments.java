package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation the running services publish in their OpenAPI documents ({@code /q/openapi?format=json}): the
 * security tests are driven by these, so an operation added to a service is tested, or fails the test, without
 * anyone remembering to add it.
 */
final class ApiDocuments {

    static final List<String> SERVICES = List.of(PlatformSettings.AGREEMENT, PlatformSettings.CONCERN,
            PlatformSettings.SHARING, PlatformSettings.NOTIFICATION);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private ApiDocuments() {
    }

    /** One operation: "METHOD /path" is its key in the access matrix. */
    record Operation(String service, String method, String path, List<String> roles, List<Parameter> parameters,
                     JsonNode requestSchema, String requestMediaType, boolean bodyRequired, JsonNode document) {

        String key() {
            return method + " " + path;
        }

        boolean hasBody() {
            return requestSchema != null;
        }

        /** The schema with every $ref of the service's document resolved (cycles are cut off). */
        JsonNode resolve(JsonNode schema) {
            return ApiDocuments.resolve(document, schema, 0);
        }
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    static List<Operation> fetch(LocalPlatform platform) {
        List<Operation> all = new ArrayList<>();
        for (String service : SERVICES) {
            RawHttp.Response answer = RawHttp.send(RawHttp.Request.of("GET",
                    platform.serviceUrl(service) + "/q/openapi?format=json", null));
            if (answer.status() != 200) {
                throw new IllegalStateException(service + " did not serve its OpenAPI document: " + answer);
            }
            all.addAll(operations(service, answer.json()));
        }
        return all;
    }

    static List<Operation> operations(String service, JsonNode document) {
        List<Operation> found = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            JsonNode operation = op.getValue();
            List<String> roles = new ArrayList<>();
            operation.path("security").forEach(requirement -> requirement.fields()
                    .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
            List<Parameter> parameters = new ArrayList<>();
            List<JsonNode> declared = new ArrayList<>();
            path.getValue().path("parameters").forEach(declared::add);
            operation.path("parameters").forEach(declared::add);
            for (JsonNode p : declared) {
                JsonNode parameter = p.has("$ref") ? pointer(document, p.path("$ref").asText()) : p;
                parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        parameter.path("required").asBoolean(false), parameter.path("schema")));
            }
            JsonNode schema = null;
            String mediaType = null;
            Iterator<Map.Entry<String, JsonNode>> content = operation.path("requestBody").path("content").fields();
            if (content.hasNext()) {
                Map.Entry<String, JsonNode> first = content.next();
                mediaType = first.getKey();
                schema = first.getValue().path("schema");
            }
            found.add(new Operation(service, op.getKey().toUpperCase(), path.getKey(), List.copyOf(roles),
                    List.copyOf(parameters), schema, mediaType, operation.path("requestBody").path("required").asBoolean(false),
                    document));
        }));
        return found;
    }

    private static JsonNode pointer(JsonNode document, String ref) {
        return document.at(ref.startsWith("#") ? ref.substring(1) : ref);
    }

    /** Inlines $ref (and the first of allOf) so a generator sees one plain schema tree. */
    static JsonNode resolve(JsonNode document, JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return schema;
        }
        if (schema.has("$ref")) {
            ObjectNode merged = ((ObjectNode) pointer(document, schema.path("$ref").asText())).deepCopy();
            schema.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("$ref")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            return resolve(document, merged, depth + 1);
        }
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            ObjectNode merged = ((ObjectNode) resolve(document, schema.path("allOf").get(0), depth + 1)).deepCopy();
            schema.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("allOf")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            return merged;
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        if (schema.has("properties")) {
            ObjectNode properties = copy.putObject("properties");
            schema.path("properties").fields().forEachRemaining(f ->
                    properties.set(f.getKey(), resolve(document, f.getValue(), depth + 1)));
        }
        if (schema.has("items")) {
            copy.set("items", resolve(document, schema.path("items"), depth + 1));
        }
        if (schema.path("additionalProperties").isObject()) {
            copy.set("additionalProperties", resolve(document, schema.path("additionalProperties"), depth + 1));
        }
        return copy;
    }
}
