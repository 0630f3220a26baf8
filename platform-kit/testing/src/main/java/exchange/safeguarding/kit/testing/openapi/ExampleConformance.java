package exchange.safeguarding.kit.testing.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Examples must say what the service really reads and writes: each example (on a media type, a parameter or a schema)
 * is checked against its schema: types, formats (date-time, date, uuid), enums, required properties, and no
 * property the schema does not have (the services refuse unknown fields, and a view has exactly its fields). An
 * optional property may be null: that is how the services write an absent value.
 * This covers the keywords the services' schemas use; it is not a full JSON Schema validator.
 */
final class ExampleConformance {

    private ExampleConformance() {
    }

    static List<String> mismatches(JsonNode document) {
        List<String> mismatches = new ArrayList<>();
        Documents.mediaTypes(document, (where, media) -> {
            JsonNode schema = media.path("schema");
            if (media.has("example")) {
                check(document, media.get("example"), schema, where + " example", mismatches);
            }
            media.path("examples").fields().forEachRemaining(e -> check(document, e.getValue().path("value"), schema,
                    where + " example '" + e.getKey() + "'", mismatches));
        });
        for (Documents.OperationAt at : Documents.operations(document)) {
            at.operation().path("parameters").forEach(p -> {
                if (p.has("example")) {
                    check(document, p.get("example"), p.path("schema"),
                            at.name() + " parameter " + p.path("name").asText() + " example", mismatches);
                }
            });
        }
        document.path("components").path("schemas").fields().forEachRemaining(schema -> schema.getValue().path("examples")
                .forEach(example -> check(document, example, schema.getValue(),
                        "schema " + schema.getKey() + " example", mismatches)));
        return mismatches;
    }

    private static void check(JsonNode document, JsonNode value, JsonNode schema, String where, List<String> out) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            check(document, value, Documents.resolve(document, schema), where, out);
        }
        schema.path("allOf").forEach(part -> check(document, value, part, where, out));
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.has(alternatives) && schema.get(alternatives).size() > 0) {
                boolean any = false;
                for (JsonNode part : schema.get(alternatives)) {
                    List<String> trial = new ArrayList<>();
                    check(document, value, part, where, trial);
                    any |= trial.isEmpty();
                }
                if (!any) {
                    out.add(where + ": " + value + " matches none of " + alternatives);
                }
            }
        }
        Set<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(type -> isOfType(value, type))) {
            out.add(where + ": " + abbreviate(value) + " is not of type " + types);
            return;
        }
        if (value.isNull()) {
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                out.add(where + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isTextual() && schema.has("format")) {
            checkFormat(value.asText(), schema.get("format").asText(), where, out);
        }
        if (value.isObject()) {
            checkObject(document, value, schema, where, out);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(document, value.get(i), schema.get("items"), where + "[" + i + "]", out);
            }
        }
    }

    private static void checkObject(JsonNode document, JsonNode value, JsonNode schema, String where, List<String> out) {
        JsonNode properties = schema.path("properties");
        schema.path("required").forEach(required -> {
            if (!value.has(required.asText())) {
                out.add(where + ": lacks the required property '" + required.asText() + "'");
            }
        });
        JsonNode additional = schema.path("additionalProperties");
        value.fields().forEachRemaining(field -> {
            if (field.getValue().isNull() && !isRequired(schema, field.getKey())) {
                return; // the services write an absent optional value as null; the generated schemas say nothing of it
            }
            if (properties.has(field.getKey())) {
                check(document, field.getValue(), properties.get(field.getKey()), where + "." + field.getKey(), out);
            } else if (additional.isObject()) {
                check(document, field.getValue(), additional, where + "." + field.getKey(), out);
            } else if (!properties.isEmpty() && !additional.asBoolean(false)) {
                out.add(where + ": has the property '" + field.getKey() + "' that the schema does not");
            }
        });
    }

    private static boolean isRequired(JsonNode schema, String property) {
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(property)) {
                return true;
            }
        }
        return false;
    }

    private static void checkFormat(String text, String format, String where, List<String> out) {
        try {
            switch (format) {
                case "date-time" -> OffsetDateTime.parse(text);
                case "date" -> LocalDate.parse(text);
                case "uuid" -> UUID.fromString(text);
                default -> {
                }
            }
        } catch (RuntimeException e) {
            out.add(where + ": '" + text + "' is not a " + format);
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private static boolean isOfType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
