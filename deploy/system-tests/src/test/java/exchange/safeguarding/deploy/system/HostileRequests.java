package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import exchange.safeguarding.deploy.system.ApiDocuments.Operation;
import exchange.safeguarding.deploy.system.ApiDocuments.Parameter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Hostile variants of one valid request, driven by the operation's OpenAPI schema: missing required fields, wrong
 * JSON types, nulls, unknown enum values, over-long strings, huge numbers, malformed and deeply nested JSON, wrong
 * content types, bodies over the size limit, invalid ids and dates in path and query, bad paging, and injection
 * strings (SQL, script, JNDI, template, path traversal, CRLF, NUL, unusual Unicode) in every text it can carry.
 *
 * <p>Each variant says whether it must be refused: a request that is well formed but carries, say, a script tag in
 * free text may be accepted (it is stored as text); a request with a missing required field never may.
 */
final class HostileRequests {

    /** One hostile request: what was done to the valid one, and whether the service must refuse it (4xx). */
    record Variant(String category, String description, RawHttp.Request request, boolean mustRefuse) {
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE concern; --",
            "1) UNION SELECT usename, passwd FROM pg_shadow --",
            "'; SELECT pg_sleep(10); --",
            "<script>alert(document.cookie)</script>",
            "\"><img src=x onerror=alert(1)>",
            "${jndi:ldap://127.0.0.1:1389/Exploit}",
            "${${lower:j}ndi:${lower:r}mi://127.0.0.1/a}",
            "{{7*7}}${7*7}#{7*7}",
            "../../../../../../etc/passwd",
            "..%2F..%2F..%2Fetc%2Fpasswd",
            "line one\r\nX-Injected: yes\r\n\r\n<html>",
            "text with a NUL \u0000 byte",
            "\u202Egnp.exe \u200B\u200D\uFEFF zero-width and right-to-left",
            "\uD83D\uDC69\u200D\u2695\uFE0F emoji, \u0635\u0628\u0627\u062D \u4E2D\u6587 \u0000",
            "%s%s%s%s%n%x",
            "\\\"}; alert(1); //",
            "$(touch /tmp/pwned)`id`");
    /** Over the platform's body limit (quarkus.http.limits.max-body-size, 1M). */
    static final int OVERSIZED = 1_100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HostileRequests() {
    }

    /**
     * Every deterministic variant of {@code valid} for the operation; {@code changesRecords} says the operation acts
     * on an existing record, where only variants that must be refused are sent (anything accepted would change it).
     */
    static List<Variant> variants(Operation operation, RawHttp.Request valid, boolean changesRecords) {
        List<Variant> all = new ArrayList<>();
        Consumer<Variant> add = v -> {
            if (v.mustRefuse() || !changesRecords) {
                all.add(v);
            }
        };
        pathVariants(operation, valid, add);
        queryVariants(operation, valid, add);
        headerVariants(operation, valid, add);
        if (operation.hasBody() && valid.body() != null) {
            bodyVariants(operation, valid, add);
        }
        add.accept(new Variant("method", "an undocumented method (PATCH)",
                new RawHttp.Request("PATCH", valid.url(), valid.bearer(), valid.contentType(), valid.body(), Map.of()), true));
        add.accept(new Variant("accept", "Accept: application/xml only", valid.withHeader("Accept", "application/xml"),
                !operation.path().endsWith("/stream")));
        return all;
    }

    /** A random variant for long runs: a random injection or bad value in a random place. */
    static Variant random(Operation operation, RawHttp.Request valid, boolean changesRecords, Random random,
                          List<Variant> deterministic) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Variant> candidates = new ArrayList<>();
            String injection = INJECTIONS.get(random.nextInt(INJECTIONS.size())) + " #" + random.nextInt(1_000_000);
            if (valid.body() != null && !changesRecords) {
                JsonNode body = parse(valid.body());
                List<String> paths = textPaths(body, "");
                if (!paths.isEmpty()) {
                    String path = paths.get(random.nextInt(paths.size()));
                    JsonNode copy = body.deepCopy();
                    set(copy, path, NODES.textNode(injection));
                    candidates.add(new Variant("random injection", "in " + path, valid.json(write(copy)), false));
                }
            }
            for (Parameter parameter : operation.parameters()) {
                if (parameter.in().equals("query") && !changesRecords) {
                    candidates.add(new Variant("random injection", "in query " + parameter.name(),
                            withQuery(valid, parameter.name(), injection), false));
                }
            }
            if (!deterministic.isEmpty()) {
                candidates.add(deterministic.get(random.nextInt(deterministic.size())));
            }
            if (!candidates.isEmpty()) {
                return candidates.get(random.nextInt(candidates.size()));
            }
        }
        return null;
    }

    private static void pathVariants(Operation operation, RawHttp.Request valid, Consumer<Variant> add) {
        for (Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("path")) {
                continue;
            }
            // 2,000 characters: long, yet under the HTTP layer's 4,096-byte request line (RequestLimitsIT covers beyond).
            List<String> bad = new ArrayList<>(List.of("not-a-uuid", "-1", "99999999999999999999", "x".repeat(2000), "%00",
                    "null"));
            bad.addAll(INJECTIONS);
            for (String value : bad) {
                add.accept(new Variant("path", "{" + parameter.name() + "} = " + RawHttp.abbreviate(value, 40),
                        withPathParameter(operation, valid, parameter.name(), value), true));
            }
            // ".." is a dot-segment: the URL normalises to the parent path (RFC 3986), which answers for itself.
            add.accept(new Variant("path", "{" + parameter.name() + "} = ..",
                    withPathParameter(operation, valid, parameter.name(), ".."), false));
            // Well formed, naming nothing: what it answers is the access matrix's "missing" column; here only its form.
            add.accept(new Variant("path", "{" + parameter.name() + "} = the nil UUID",
                    withPathParameter(operation, valid, parameter.name(), "00000000-0000-0000-0000-000000000000"), false));
        }
    }

    private static void queryVariants(Operation operation, RawHttp.Request valid, Consumer<Variant> add) {
        for (Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("query")) {
                continue;
            }
            String name = parameter.name();
            String type = parameter.schema().path("type").asText("string");
            String format = parameter.schema().path("format").asText("");
            boolean enumerated = parameter.schema().has("enum") || parameter.schema().has("$ref");
            List<String[]> refused = new ArrayList<>();
            if (type.equals("integer") || type.equals("number")) {
                refused.add(new String[] {"-1", "negative"});
                refused.add(new String[] {"abc", "not a number"});
                refused.add(new String[] {"1.5", "a fraction"});
                refused.add(new String[] {"99999999999999999999", "beyond a long"});
                refused.add(new String[] {"2147483648", "beyond an int"});
                if (name.equals("size")) {
                    refused.add(new String[] {"0", "page size 0"});
                    refused.add(new String[] {"201", "page size over the cap"});
                    refused.add(new String[] {"1000000", "page size a million"});
                }
                if (name.equals("page")) {
                    // Far past the end: an empty page (its offset would overflow an int), not a refusal.
                    add.accept(new Variant("query", "page the last int page", withQuery(valid, name, "2147483647"), false));
                    add.accept(new Variant("query", "page a billion pages in", withQuery(valid, name, "1000000000"), false));
                }
            } else if (type.equals("boolean")) {
                // JAX-RS reads any word but "true" as false: accepted, so not among the refused.
                add.accept(new Variant("query", name + " not a boolean", withQuery(valid, name, "maybe"), false));
            } else if (format.equals("uuid") || name.endsWith("Id")) {
                refused.add(new String[] {"not-a-uuid", "not a UUID"});
            } else if (format.equals("date") || format.equals("date-time") || name.equals("at") || name.equals("dateOfBirth")) {
                refused.add(new String[] {"2026-13-45", "an impossible date"});
                refused.add(new String[] {"yesterday", "not a date"});
            } else if (enumerated) {
                refused.add(new String[] {"NOT_A_VALUE", "an unknown value"});
            }
            for (String[] value : refused) {
                add.accept(new Variant("query", name + " " + value[1], withQuery(valid, name, value[0]), true));
            }
            for (String injection : INJECTIONS) {
                // An injection in a typed parameter must be refused; in a free-text one (a name) it is just text, and
                // JAX-RS reads any word as the boolean false.
                boolean typed = !type.equals("string") && !type.equals("boolean") || enumerated || !format.isEmpty()
                        || name.endsWith("Id");
                add.accept(new Variant("query injection", name + " = " + RawHttp.abbreviate(injection, 40),
                        withQuery(valid, name, injection), typed));
            }
        }
    }

    /**
     * Documented request headers (an Idempotency-Key): over-long and injected values, refused when the document's
     * pattern or length refuses them. Only values an HTTP client can send at all: no control or non-ASCII characters.
     */
    private static void headerVariants(Operation operation, RawHttp.Request valid, Consumer<Variant> add) {
        for (Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("header")) {
                continue;
            }
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(parameter.schema().path("pattern").asText(".*"));
            int maxLength = parameter.schema().path("maxLength").asInt(Integer.MAX_VALUE);
            List<String> values = new ArrayList<>(List.of("x".repeat(300), "with spaces", "-", "0"));
            values.addAll(INJECTIONS);
            int n = 0;
            for (String value : values) {
                if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7F) || value.isBlank()) {
                    continue;
                }
                // Each variant its own value: a repeated key would (rightly) replay an earlier answer.
                String sent = value.length() > 200 ? value : value + "#" + Integer.toString(n++) + "-" + operation.key().hashCode();
                boolean refused = sent.length() > maxLength || !pattern.matcher(sent).find();
                add.accept(new Variant("header", parameter.name() + ": " + RawHttp.abbreviate(sent, 40),
                        valid.withHeader(parameter.name(), sent), refused));
            }
        }
    }

    private static void bodyVariants(Operation operation, RawHttp.Request valid, Consumer<Variant> add) {
        JsonNode body = parse(valid.body());
        JsonNode schema = operation.resolve(operation.requestSchema());
        for (String[] malformed : new String[][] {{"{", "an unclosed object"}, {"{\"a\":", "a truncated value"},
                {"[1,2", "an unclosed array"}, {"nul", "a broken literal"}, {"{'single': 'quotes'}", "single quotes"},
                {"[]", "an array for an object"}, {"\"text\"", "a string for an object"},
                {"123", "a number for an object"}, {write(body) + "{\"again\": 1}", "two JSON documents"},
                {write(body) + " trailing", "trailing garbage"}, {"/* comment */ " + write(body), "a comment"}}) {
            add.accept(new Variant("malformed JSON", malformed[1], valid.withBody("application/json",
                    malformed[0].getBytes(StandardCharsets.UTF_8)), true));
        }
        // No body at all, or null, must be refused where the body has required fields (a body of optional fields
        // alone, such as an approval's note, may be left out whatever the document's "required" says).
        boolean needsBody = operation.bodyRequired() && schema.path("required").size() > 0;
        for (String[] none : new String[][] {{"", "an empty body"}, {"null", "null"}}) {
            add.accept(new Variant("malformed JSON", none[1], valid.withBody("application/json",
                    none[0].getBytes(StandardCharsets.UTF_8)), needsBody));
        }
        // RFC 8259 lets a parser ignore a byte-order mark.
        add.accept(new Variant("malformed JSON", "a byte-order mark", valid.withBody("application/json",
                ("\uFEFF" + write(body)).getBytes(StandardCharsets.UTF_8)), false));
        add.accept(new Variant("malformed JSON", "invalid UTF-8 bytes", valid.withBody("application/json",
                concat("{\"x\": \"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                        "\"}".getBytes(StandardCharsets.UTF_8))), true));
        add.accept(new Variant("nesting", "arrays nested 100,000 deep", valid.withBody("application/json",
                ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8)), true));
        add.accept(new Variant("nesting", "objects nested 5,000 deep", valid.withBody("application/json",
                ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8)), true));
        add.accept(new Variant("oversized", "a body over the 1M limit (one long string)", valid.json(
                "{\"x\": \"" + "A".repeat(OVERSIZED) + "\"}"), true));
        add.accept(new Variant("oversized", "a body over the 1M limit (a huge array)", valid.json(
                "[" + "1,".repeat(OVERSIZED / 2) + "1]"), true));
        for (String[] type : new String[][] {{"text/plain", "the JSON as text/plain"}, {"application/xml", "XML"},
                {"application/x-www-form-urlencoded", "a form"}, {"multipart/form-data; boundary=x", "multipart"},
                {"application/json-patch+json", "a JSON patch type"}}) {
            byte[] bytes = type[0].equals("application/xml") ? "<reason>x</reason>".getBytes(StandardCharsets.UTF_8)
                    : type[0].startsWith("application/x-www") ? "reason=x".getBytes(StandardCharsets.UTF_8) : valid.body();
            add.accept(new Variant("content type", type[1], valid.withBody(type[0], bytes), true));
        }
        // Without a content type the body is read as JSON: lenient, and harmless, so it may be accepted.
        add.accept(new Variant("content type", "no content type", new RawHttp.Request(valid.method(), valid.url(),
                valid.bearer(), null, valid.body(), Map.of()), false));
        if (body.isObject()) {
            ObjectNode unknown = body.deepCopy();
            unknown.put("isAdmin", true);
            add.accept(new Variant("unknown field", "an extra field isAdmin", valid.json(write(unknown)), true));
            ObjectNode proto = body.deepCopy();
            proto.set("__proto__", JSON.createObjectNode().put("admin", true));
            add.accept(new Variant("unknown field", "__proto__", valid.json(write(proto)), true));
        }
        fieldVariants(body, schema, "", valid, add);
    }

    /** For each field of the schema: missing, null, wrong types, unknown enum, over-long, huge numbers, bad formats, injections. */
    private static void fieldVariants(JsonNode body, JsonNode schema, String prefix, RawHttp.Request valid, Consumer<Variant> add) {
        if (schema == null || !schema.path("properties").isObject()) {
            return;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            JsonNode field = property.getValue();
            JsonNode root = parse(valid.body());
            boolean isRequired = required.contains(name);
            boolean present = !at(root, path).isMissingNode();
            if (isRequired && present) {
                add.accept(mutated("missing field", path + " left out", valid, root, path, null, true, true));
                add.accept(mutated("null", path + " = null", valid, root, path, NODES.nullNode(), false, true));
            }
            String type = field.path("type").asText(field.has("properties") ? "object" : field.has("enum") ? "string" : "");
            boolean enumerated = field.has("enum");
            switch (type) {
                case "string" -> {
                    add.accept(mutated("wrong type", path + " = {}", valid, root, path, JSON.createObjectNode(), false, true));
                    add.accept(mutated("wrong type", path + " = [[1]]", valid, root, path,
                            JSON.createArrayNode().add(JSON.createArrayNode().add(1)), false, true));
                    String format = field.path("format").asText("");
                    if (enumerated) {
                        add.accept(mutated("enum", path + " = an unknown value", valid, root, path,
                                NODES.textNode("NOT_A_" + name.toUpperCase()), false, true));
                        add.accept(mutated("enum", path + " in lower case", valid, root, path,
                                NODES.textNode(field.path("enum").path(0).asText().toLowerCase()), false, true));
                    } else if (format.equals("uuid")) {
                        add.accept(mutated("format", path + " not a UUID", valid, root, path, NODES.textNode("not-a-uuid"), false, true));
                    } else if (format.equals("date") || format.equals("date-time")) {
                        add.accept(mutated("format", path + " an impossible date", valid, root, path,
                                NODES.textNode("2026-02-30"), false, true));
                        add.accept(mutated("format", path + " a date in words", valid, root, path,
                                NODES.textNode("next Tuesday"), false, true));
                    }
                    if (field.has("maxLength")) {
                        int max = field.path("maxLength").asInt();
                        add.accept(mutated("over-long", path + " " + (max + 1) + " characters (max " + max + ")", valid, root,
                                path, NODES.textNode("x".repeat(max + 1)), false, true));
                    } else {
                        add.accept(mutated("over-long", path + " 200,000 characters (no declared max)", valid, root, path,
                                NODES.textNode("x".repeat(200_000)), false, false));
                    }
                    boolean typed = enumerated || !format.isEmpty() || field.has("pattern") && !field.path("pattern").asText().equals("\\S");
                    for (String injection : INJECTIONS) {
                        add.accept(mutated("injection", path + " = " + RawHttp.abbreviate(injection, 40), valid, root, path,
                                NODES.textNode(injection), false, typed));
                    }
                }
                case "integer", "number" -> {
                    add.accept(mutated("wrong type", path + " = \"abc\"", valid, root, path, NODES.textNode("abc"), false, true));
                    add.accept(mutated("huge number", path + " = 1e400", valid, root, path,
                            NODES.numberNode(new java.math.BigDecimal("1e400")), false, true));
                    add.accept(mutated("huge number", path + " = 2^80", valid, root, path,
                            NODES.numberNode(java.math.BigInteger.TWO.pow(80)), false, true));
                }
                case "boolean" -> add.accept(mutated("wrong type", path + " = \"maybe\"", valid, root, path,
                        NODES.textNode("maybe"), false, true));
                case "array" -> {
                    add.accept(mutated("wrong type", path + " = {}", valid, root, path, JSON.createObjectNode(), false, true));
                    ArrayNode many = JSON.createArrayNode();
                    for (int i = 0; i < 10_000; i++) {
                        many.add("ITEM_" + i);
                    }
                    add.accept(mutated("over-long", path + " with 10,000 items", valid, root, path, many, false, true));
                    JsonNode items = field.path("items");
                    if (items.has("enum")) {
                        add.accept(mutated("enum", path + " with an unknown item", valid, root, path,
                                JSON.createArrayNode().add("NOT_A_VALUE"), false, true));
                    }
                }
                case "object" -> {
                    add.accept(mutated("wrong type", path + " = \"text\"", valid, root, path, NODES.textNode("text"), false, true));
                    add.accept(mutated("wrong type", path + " = []", valid, root, path, JSON.createArrayNode(), false, true));
                    if (present) {
                        fieldVariants(body, field, path, valid, add);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static Variant mutated(String category, String description, RawHttp.Request valid, JsonNode root, String path,
                                   JsonNode value, boolean remove, boolean mustRefuse) {
        JsonNode copy = root.deepCopy();
        if (remove) {
            remove(copy, path);
        } else {
            set(copy, path, value);
        }
        return new Variant(category, description, valid.json(write(copy)), mustRefuse);
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.path(parts[i]);
            if (!next.isObject()) {
                next = ((ObjectNode) node).putObject(parts[i]);
            }
            node = next;
        }
        ((ObjectNode) node).set(parts[parts.length - 1], value);
    }

    private static void remove(JsonNode root, String path) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? root : at(root, path.substring(0, dot));
        if (parent instanceof ObjectNode object) {
            object.remove(path.substring(dot + 1));
        }
    }

    private static List<String> textPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            String path = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            if (f.getValue().isTextual()) {
                paths.add(path);
            } else if (f.getValue().isObject()) {
                paths.addAll(textPaths(f.getValue(), path));
            }
        });
        return paths;
    }

    private static RawHttp.Request withPathParameter(Operation operation, RawHttp.Request valid, String name, String value) {
        // Rebuild the URL from the template: the valid value's position is where {name} is in the documented path.
        String base = valid.url().substring(0, valid.url().indexOf(operation.path().substring(0, operation.path().indexOf('{'))));
        String query = valid.url().contains("?") ? valid.url().substring(valid.url().indexOf('?')) : "";
        String[] template = operation.path().split("/");
        String[] actual = valid.url().substring(base.length(), valid.url().length() - query.length()).split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < template.length; i++) {
            path.append('/').append(template[i].equals("{" + name + "}")
                    ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : actual[i]);
        }
        return new RawHttp.Request(valid.method(), base + path + query, valid.bearer(), valid.contentType(), valid.body(),
                valid.headers());
    }

    private static RawHttp.Request withQuery(RawHttp.Request valid, String name, String value) {
        String url = valid.url();
        String encoded = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String replaced = url.replaceAll("([?&])" + java.util.regex.Pattern.quote(name) + "=[^&]*",
                "$1" + java.util.regex.Matcher.quoteReplacement(encoded));
        if (replaced.equals(url)) {
            replaced = url + (url.contains("?") ? "&" : "?") + encoded;
        }
        return new RawHttp.Request(valid.method(), replaced, valid.bearer(), valid.contentType(), valid.body(), valid.headers());
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the valid body is not JSON", e);
        }
    }

    static String write(JsonNode node) {
        return AccessExpectations.write(node);
    }
}
