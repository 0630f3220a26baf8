package exchange.safeguarding.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** JSON Schema (draft-07, as AsyncAPI 3.0.0 uses) validation with networknt's validator. */
final class JsonSchemas {

    private static final JsonSchemaFactory DRAFT_07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    /** Formats (uuid, date-time, date, email, uri) are asserted, so an example with a malformed id fails. */
    private static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private JsonSchemas() {
    }

    /** The official AsyncAPI 3.0.0 schema, vendored from @asyncapi/specs (see asyncapi-spec/README.md). */
    static JsonSchema asyncApi300() {
        try (InputStream in = JsonSchemas.class.getResourceAsStream("/asyncapi-spec/asyncapi-3.0.0.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi-spec/asyncapi-3.0.0.schema.json is not on the test classpath");
            }
            return DRAFT_07.getSchema(new ObjectMapper().readTree(in), ASSERT_FORMATS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A payload or headers schema of the document (already inlined); its x- extensions are left out. */
    static JsonSchema of(JsonNode inlinedSchema) {
        return DRAFT_07.getSchema(withoutExtensions(inlinedSchema), ASSERT_FORMATS);
    }

    static List<String> errors(JsonSchema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonNode withoutExtensions(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(object.properties().stream().map(java.util.Map.Entry::getKey).filter(k -> k.startsWith("x-")).toList());
            object.forEach(JsonSchemas::strip);
        } else if (node.isArray()) {
            node.forEach(JsonSchemas::strip);
        }
    }
}
