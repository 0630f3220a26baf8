package exchange.safeguarding.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a documented schema with the Java type Jackson serialises into that place, recursively: a record's
 * components are the object's properties (all required: the services serialise nulls), lists are arrays, maps
 * are objects, enums are string enums with the same constants, UUIDs and times are strings of the right format,
 * primitives are never null. A documented {@code enum} on a string must name its Java enum with
 * {@code x-java-enum}, so that every documented vocabulary is checked against the code.
 */
final class PayloadComparison {

    private static final Pattern GENERIC = Pattern.compile("^([\\w.]+)\\s*<(.*)>$");
    private static final Set<String> INTEGERS = Set.of("int", "long", "short", "Integer", "Long", "Short");
    private static final Set<String> NUMBERS = Set.of("double", "float", "Double", "Float", "BigDecimal");
    private static final Set<String> PRIMITIVES = Set.of("boolean", "int", "long", "short", "double", "float");
    private static final Set<String> COLLECTIONS = Set.of("List", "Set", "Collection", "SortedSet");

    private final SourceTree tree;
    private final List<String> problems = new ArrayList<>();

    private PayloadComparison(SourceTree tree) {
        this.tree = tree;
    }

    /** Differences between a payload record and the documented (inlined) schema of {@code data}. */
    static List<String> compare(String where, JavaSource.TypeDecl record, JsonNode schema, SourceTree tree) {
        PayloadComparison comparison = new PayloadComparison(tree);
        comparison.compareRecord(where, record, schema);
        return comparison.problems;
    }

    private void compareRecord(String path, JavaSource.TypeDecl record, JsonNode schema) {
        Schema s = Schema.of(schema);
        if (!s.types.contains("object")) {
            problems.add(path + ": documented as " + s.types + ", but " + record.nestedName() + " is a record (an object)");
            return;
        }
        Set<String> components = new LinkedHashSet<>();
        record.components().forEach(c -> components.add(c.name()));
        Set<String> documented = new LinkedHashSet<>();
        s.node.path("properties").fieldNames().forEachRemaining(documented::add);
        Set<String> required = new TreeSet<>();
        s.node.path("required").forEach(r -> required.add(r.asText()));
        for (String name : components) {
            if (!documented.contains(name)) {
                problems.add(path + "." + name + ": in " + record.nestedName() + " but not documented");
            } else if (!required.contains(name)) {
                problems.add(path + "." + name + ": always serialised (null when empty), so it must be required");
            }
        }
        for (String name : documented) {
            if (!components.contains(name)) {
                problems.add(path + "." + name + ": documented, but " + record.nestedName() + " has no such component");
            }
        }
        for (JavaSource.Component component : record.components()) {
            JsonNode property = s.node.path("properties").path(component.name());
            if (!property.isMissingNode()) {
                compareType(path + "." + component.name(), component.type(), record.file(), property);
            }
        }
    }

    private void compareType(String path, String javaType, JavaSource context, JsonNode schema) {
        Schema s = Schema.of(schema);
        String type = javaType.replaceAll("\\s+", " ").trim();
        if (PRIMITIVES.contains(type) && s.nullable) {
            problems.add(path + ": a Java " + type + " is never null, but the document allows null");
        }
        if (type.endsWith("[]")) {
            expect(path, s, "array", javaType);
            compareType(path + "[]", type.substring(0, type.length() - 2), context, s.node.path("items"));
            return;
        }
        Matcher generic = GENERIC.matcher(type);
        if (generic.matches()) {
            String raw = generic.group(1);
            List<String> arguments = JavaSource.splitTopLevelText(generic.group(2));
            if (COLLECTIONS.contains(raw)) {
                expect(path, s, "array", javaType);
                compareType(path + "[]", arguments.get(0), context, s.node.path("items"));
            } else if (raw.equals("Map")) {
                expect(path, s, "object", javaType);
                JavaSource.TypeDecl key = tree.resolve(arguments.get(0).trim(), context);
                if (key != null && key.isEnum()) {
                    compareEnum(path + " keys", key, s.node.path("propertyNames"));
                }
                compareType(path + "{}", arguments.get(1), context, s.node.path("additionalProperties"));
            } else {
                problems.add(path + ": cannot compare the generic type " + javaType);
            }
            return;
        }
        switch (type) {
            case "String" -> {
                expect(path, s, "string", javaType);
                if (s.node.has("x-java-enum")) {
                    JavaSource.TypeDecl named = tree.named(s.node.get("x-java-enum").asText());
                    if (named == null || !named.isEnum()) {
                        problems.add(path + ": x-java-enum names " + s.node.get("x-java-enum").asText()
                                + ", which is not an enum in " + tree.service + " or platform-kit");
                    } else {
                        compareEnum(path, named, s.node);
                    }
                } else if (s.node.has("enum")) {
                    problems.add(path + ": a documented enum must name its Java enum with x-java-enum");
                }
            }
            case "UUID" -> expectFormat(path, s, "uuid", javaType);
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> expectFormat(path, s, "date-time", javaType);
            case "LocalDate" -> expectFormat(path, s, "date", javaType);
            case "boolean", "Boolean" -> expect(path, s, "boolean", javaType);
            case "JsonNode", "Object" -> {
                // any JSON; nothing to compare
            }
            default -> {
                if (INTEGERS.contains(type)) {
                    expect(path, s, "integer", javaType);
                } else if (NUMBERS.contains(type)) {
                    expect(path, s, "number", javaType);
                } else {
                    compareDeclared(path, type, context, s);
                }
            }
        }
    }

    private void compareDeclared(String path, String type, JavaSource context, Schema s) {
        JavaSource.TypeDecl declared;
        try {
            declared = tree.resolve(type, context);
        } catch (IllegalStateException ambiguous) {
            problems.add(path + ": " + ambiguous.getMessage());
            return;
        }
        if (declared == null) {
            problems.add(path + ": cannot find the Java type " + type + " in " + tree.service + " or platform-kit");
        } else if (declared.isEnum()) {
            expect(path, s, "string", type);
            compareEnum(path, declared, s.node);
        } else if (declared.isRecord()) {
            compareRecord(path, declared, s.node);
        } else {
            problems.add(path + ": " + declared.qualifiedName() + " is a " + declared.kind() + ", not a record or enum");
        }
    }

    private void compareEnum(String path, JavaSource.TypeDecl javaEnum, JsonNode schema) {
        Schema s = Schema.of(schema);
        if (s.node.has("x-java-enum") && !javaEnum.nestedName().equals(s.node.get("x-java-enum").asText())
                && !javaEnum.simpleName().equals(s.node.get("x-java-enum").asText())) {
            problems.add(path + ": x-java-enum says " + s.node.get("x-java-enum").asText() + " but the code uses "
                    + javaEnum.nestedName());
        }
        Set<String> documented = new TreeSet<>();
        s.node.path("enum").forEach(v -> {
            if (!v.isNull()) {
                documented.add(v.asText());
            }
        });
        Set<String> constants = new TreeSet<>(javaEnum.constants());
        if (!documented.equals(constants)) {
            Set<String> missing = new TreeSet<>(constants);
            missing.removeAll(documented);
            Set<String> extra = new TreeSet<>(documented);
            extra.removeAll(constants);
            problems.add(path + ": enum differs from " + javaEnum.qualifiedName() + (missing.isEmpty() ? "" : "; not documented: " + missing)
                    + (extra.isEmpty() ? "" : "; not in the code: " + extra));
        }
        if (s.nullable && !s.node.path("enum").toString().contains("null")) {
            problems.add(path + ": nullable, so its enum must list null too");
        }
    }

    private void expect(String path, Schema s, String jsonType, String javaType) {
        if (!s.types.equals(Set.of(jsonType))) {
            problems.add(path + ": documented as " + s.types + ", but the Java " + javaType + " is " + jsonType);
        }
    }

    private void expectFormat(String path, Schema s, String format, String javaType) {
        expect(path, s, "string", javaType);
        if (!format.equals(s.node.path("format").asText())) {
            problems.add(path + ": a Java " + javaType + " is a string of format " + format + ", documented with format '"
                    + s.node.path("format").asText() + "'");
        }
    }

    /** A schema with its nullability taken apart: {@code type: [x, 'null']}, or oneOf/anyOf a null and one schema. */
    private record Schema(JsonNode node, Set<String> types, boolean nullable) {

        static Schema of(JsonNode schema) {
            JsonNode node = schema;
            boolean nullable = false;
            for (int i = 0; i < 8; i++) {
                JsonNode choice = node.has("oneOf") ? node.get("oneOf") : node.path("anyOf");
                if (choice.size() == 2 && isNull(choice.get(0)) != isNull(choice.get(1))) {
                    nullable = true;
                    node = isNull(choice.get(0)) ? choice.get(1) : choice.get(0);
                } else if (node.path("allOf").size() == 1 && !node.has("type") && !node.has("properties")) {
                    node = node.get("allOf").get(0);
                } else {
                    break;
                }
            }
            Set<String> types = new TreeSet<>();
            JsonNode type = node.path("type");
            if (type.isTextual()) {
                types.add(type.asText());
            }
            type.forEach(t -> types.add(t.asText()));
            if (types.remove("null")) {
                nullable = true;
            }
            return new Schema(node, types, nullable);
        }

        private static boolean isNull(JsonNode schema) {
            return "null".equals(schema.path("type").asText());
        }
    }
}
