package exchange.safeguarding.kit.testing.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.kit.problem.Problem;
import exchange.safeguarding.kit.testing.openapi.Documents.OperationAt;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the platform promises of every operation of every service, so that an integrator can rely on the document:
 * <ul>
 *   <li>an operationId (unique), a summary, a description and a tag;</li>
 *   <li>a bearer token is required everywhere (the kit refuses any other path without one), so every operation
 *       declares the security requirement, and then answers 401 and 403;</li>
 *   <li>a 2xx answer, with an example for each body it describes (on the media type or on its schema);</li>
 *   <li>a request body has a schema and an example; then a 400 (and a 415) are declared, as they are for query and
 *       header parameters;</li>
 *   <li>every error answer (4xx, 5xx) is {@code application/problem+json} with the one shared {@code Problem} schema,
 *       which describes exactly what {@link Problem} is serialised with.</li>
 * </ul>
 */
final class PlatformRules {

    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    private PlatformRules() {
    }

    static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        violations.addAll(describesAsSerialised(document, "Problem", Problem.class));
        violations.addAll(describesAsSerialised(document, "FieldError", Problem.FieldError.class));
        if (document.path("components").path("securitySchemes").isEmpty()) {
            violations.add("no security scheme is declared");
        }
        Set<String> operationIds = new HashSet<>();
        for (OperationAt at : Documents.operations(document)) {
            violations.addAll(operation(document, at, operationIds));
        }
        return violations;
    }

    private static List<String> operation(JsonNode document, OperationAt at, Set<String> operationIds) {
        List<String> violations = new ArrayList<>();
        JsonNode operation = at.operation();
        String name = at.name();
        String operationId = operation.path("operationId").asText("");
        if (operationId.isBlank()) {
            violations.add(name + " has no operationId");
        } else if (!operationIds.add(operationId)) {
            violations.add(name + " repeats the operationId " + operationId);
        }
        for (String field : List.of("summary", "description")) {
            if (operation.path(field).asText("").isBlank()) {
                violations.add(name + " has no " + field);
            }
        }
        if (operation.path("tags").isEmpty()) {
            violations.add(name + " has no tag");
        }
        JsonNode responses = operation.path("responses");
        boolean secured = !operation.path("security").isEmpty() || !document.path("security").isEmpty();
        if (!secured) {
            violations.add(name + " declares no security requirement, yet every path needs a bearer token");
        }
        if (secured) {
            requireResponse(responses, name, "401", "it is secured", violations);
            requireResponse(responses, name, "403", "it is secured", violations);
        }
        boolean hasBody = operation.has("requestBody");
        if (hasBody || takesQueryOrHeaderParameters(at)) {
            requireResponse(responses, name, "400", "it takes a body or parameters", violations);
        }
        if (hasBody) {
            violations.addAll(requestBody(document, name, Documents.resolve(document, operation.get("requestBody"))));
        }
        boolean success = false;
        for (var response : (Iterable<java.util.Map.Entry<String, JsonNode>>) responses::fields) {
            String code = response.getKey();
            JsonNode answer = Documents.resolve(document, response.getValue());
            if (code.startsWith("2")) {
                success = true;
                violations.addAll(successExamples(document, name + " " + code, code, answer));
            } else if (code.startsWith("4") || code.startsWith("5")) {
                violations.addAll(problemContent(name + " " + code, answer));
            }
        }
        if (!success) {
            violations.add(name + " declares no 2xx answer");
        }
        return violations;
    }

    /** The schema has exactly the members the record is serialised with. */
    private static List<String> describesAsSerialised(JsonNode document, String name, Class<? extends Record> type) {
        Set<String> members = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            members.add(component.getName());
        }
        Set<String> described = new TreeSet<>();
        document.path("components").path("schemas").path(name).path("properties").fieldNames().forEachRemaining(described::add);
        return members.equals(described) ? List.of()
                : List.of("the " + name + " schema describes " + described + " but " + type.getName() + " has " + members);
    }

    private static void requireResponse(JsonNode responses, String name, String code, String why, List<String> violations) {
        if (!responses.has(code)) {
            violations.add(name + " lacks the " + code + " answer (" + why + ")");
        }
    }

    private static boolean takesQueryOrHeaderParameters(OperationAt at) {
        List<JsonNode> parameters = new ArrayList<>();
        at.pathItem().path("parameters").forEach(parameters::add);
        at.operation().path("parameters").forEach(parameters::add);
        return parameters.stream().map(p -> p.path("in").asText()).anyMatch(in -> !in.equals("path"));
    }

    private static List<String> requestBody(JsonNode document, String name, JsonNode body) {
        List<String> violations = new ArrayList<>();
        if (body.path("content").isEmpty()) {
            violations.add(name + " request body describes no media type");
        }
        body.path("content").fields().forEachRemaining(media -> {
            if (!media.getValue().has("schema")) {
                violations.add(name + " request body " + media.getKey() + " has no schema");
            } else if (!hasExample(document, media.getValue())) {
                violations.add(name + " request body " + media.getKey() + " has no example");
            }
        });
        return violations;
    }

    private static List<String> successExamples(JsonNode document, String where, String code, JsonNode answer) {
        List<String> violations = new ArrayList<>();
        if (answer.path("content").isEmpty() && !code.equals("204")) {
            violations.add(where + " describes no body (only 204 answers have none)");
        }
        answer.path("content").fields().forEachRemaining(media -> {
            if (!media.getValue().has("schema")) {
                violations.add(where + " " + media.getKey() + " has no schema");
            } else if (!hasExample(document, media.getValue())) {
                violations.add(where + " " + media.getKey() + " has no example");
            }
        });
        return violations;
    }

    private static List<String> problemContent(String where, JsonNode answer) {
        JsonNode content = answer.path("content");
        List<String> mediaTypes = new ArrayList<>();
        content.fieldNames().forEachRemaining(mediaTypes::add);
        if (!mediaTypes.equals(List.of(PROBLEM_MEDIA_TYPE))) {
            return List.of(where + " is not answered as " + PROBLEM_MEDIA_TYPE + " alone (has " + mediaTypes + ")");
        }
        String ref = content.path(PROBLEM_MEDIA_TYPE).path("schema").path("$ref").asText("");
        return ref.equals(PROBLEM_REF) ? List.of() : List.of(where + " does not use the shared Problem schema");
    }

    /** An example on the media type, or on its schema (an array's items count for the array). */
    static boolean hasExample(JsonNode document, JsonNode media) {
        if (media.has("example") || !media.path("examples").isEmpty()) {
            return true;
        }
        JsonNode schema = media.path("schema");
        for (int depth = 0; depth < 3 && !schema.isMissingNode(); depth++) {
            if (!schema.path("examples").isEmpty() || schema.has("example")) {
                return true;
            }
            JsonNode resolved = Documents.resolve(document, schema);
            if (!resolved.path("examples").isEmpty() || resolved.has("example")) {
                return true;
            }
            schema = resolved.path("items");
        }
        return false;
    }
}
