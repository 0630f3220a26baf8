package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import exchange.safeguarding.deploy.system.SecurityTestWorld.Variant;
import exchange.safeguarding.deploy.system.TestIdentities.Principal;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * access-matrix.yaml read: per operation ("METHOD /path") the roles allowed, whose records it reaches, and a valid
 * request, which {@link #request} turns into a real one for a caller and a {@link Variant} of the records it names.
 */
final class AccessExpectations {

    static final String RESOURCE = "/access-matrix.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9-]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Expectation(String key, List<String> roles, Set<String> seesAll, Map<String, String> params, JsonNode body,
                       String lists, Integer foreignStatus, String foreignWhy, boolean foreignSameAsMissing,
                       Map<String, Integer> expect,
                       Map<String, String> expectWhy) {

        boolean allows(Principal caller) {
            return roles.contains(caller.role());
        }

        /** Record kinds the request names (in its parameters or body). */
        Set<String> kinds() {
            Set<String> kinds = new LinkedHashSet<>();
            params.values().forEach(v -> collect(v, kinds));
            if (body != null) {
                collect(body.toString(), kinds);
            }
            return kinds;
        }

        private static void collect(String text, Set<String> into) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                into.add(m.group(1));
            }
        }
    }

    /** A request built for a caller, with the records it names (value to placeholder) to compare answers by. */
    record Built(RawHttp.Request request, Map<String, String> records) {

        /** The body with every record id replaced by its placeholder, so two answers can be compared by shape. */
        String normalise(String body) {
            String result = body;
            for (Map.Entry<String, String> record : records.entrySet()) {
                result = result.replace(record.getKey(), record.getValue());
            }
            return result;
        }
    }

    private AccessExpectations() {
    }

    static Map<String, Expectation> load() {
        try (InputStream in = AccessExpectations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources");
            }
            // SnakeYAML resolves the anchors (&terms) and aliases (*terms) the file shares bodies with.
            JsonNode root = JSON.valueToTree(new Yaml(new LoaderOptions()).load(in));
            Map<String, Expectation> all = new TreeMap<>();
            root.path("operations").fields().forEachRemaining(e -> all.put(e.getKey(), parse(e.getKey(), e.getValue())));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Expectation parse(String key, JsonNode node) {
        List<String> roles = new ArrayList<>();
        node.path("roles").forEach(r -> roles.add(r.asText()));
        Set<String> seesAll = new LinkedHashSet<>();
        node.path("seesAll").forEach(r -> seesAll.add(r.asText()));
        Map<String, String> params = new LinkedHashMap<>();
        node.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
        Map<String, Integer> expect = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        node.path("expect").fields().forEachRemaining(e -> {
            expect.put(e.getKey(), e.getValue().path("status").asInt());
            why.put(e.getKey(), e.getValue().path("why").asText());
        });
        JsonNode foreign = node.path("foreign");
        return new Expectation(key, List.copyOf(roles), seesAll, params, node.has("body") ? node.path("body") : null,
                node.path("lists").isMissingNode() ? null : node.path("lists").asText(),
                foreign.isMissingNode() ? null : foreign.path("status").asInt(),
                foreign.isMissingNode() ? null : foreign.path("why").asText(),
                foreign.isMissingNode() || foreign.path("sameAsMissing").asBoolean(false), expect, why);
    }

    /** The operation's request for this caller, naming its own records, another organisation's, or missing ones. */
    static Built request(ApiDocuments.Operation operation, Expectation expectation, Principal caller, Variant variant,
                         SecurityTestWorld world, String bearer) {
        Map<String, String> records = new LinkedHashMap<>();
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> param : expectation.params().entrySet()) {
            String value = substitute(param.getValue(), caller, variant, world, records);
            String in = operation.parameters().stream().filter(p -> p.name().equals(param.getKey()))
                    .map(ApiDocuments.Parameter::in).findFirst()
                    .orElseThrow(() -> new IllegalStateException(expectation.key() + ": parameter " + param.getKey()
                            + " is not in the OpenAPI document"));
            if (in.equals("path")) {
                path = path.replace("{" + param.getKey() + "}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            } else {
                query.append(query.length() == 0 ? '?' : '&').append(param.getKey()).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (path.contains("{")) {
            throw new IllegalStateException(expectation.key() + ": no value for a path parameter of " + path);
        }
        RawHttp.Request request = RawHttp.Request.of(operation.method(), world.platform.serviceUrl(operation.service()) + path + query,
                bearer);
        if (expectation.body() != null) {
            request = request.json(substitute(expectation.body(), caller, variant, world, records).toString());
        }
        return new Built(request, records);
    }

    static JsonNode substitute(JsonNode template, Principal caller, Variant variant, SecurityTestWorld world,
                               Map<String, String> records) {
        if (template.isTextual()) {
            return TextNode.valueOf(substitute(template.asText(), caller, variant, world, records));
        }
        if (template.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), substitute(field.getValue(), caller, variant, world, records));
            }
            return copy;
        }
        if (template.isArray()) {
            var copy = JSON.createArrayNode();
            template.forEach(item -> copy.add(substitute(item, caller, variant, world, records)));
            return copy;
        }
        return template;
    }

    private static String substitute(String text, Principal caller, Variant variant, SecurityTestWorld world,
                                     Map<String, String> records) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = m.group(1);
            String value = world.value(kind, caller, variant);
            if (world.isRecord(kind)) {
                records.put(value, "${" + kind + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
