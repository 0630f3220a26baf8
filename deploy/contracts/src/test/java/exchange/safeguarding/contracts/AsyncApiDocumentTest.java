package exchange.safeguarding.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml is a valid AsyncAPI 3.0.0 document whose references all resolve and whose examples fit
 * their schemas, so tools (and people) that read it get what it says.
 */
class AsyncApiDocumentTest {

    private static AsyncApiDocument document;
    private static JsonSchema asyncApi300;

    @BeforeAll
    static void load() {
        document = AsyncApiDocument.load(Repository.locate().asyncApiDocument());
        asyncApi300 = JsonSchemas.asyncApi300();
    }

    @Test
    void passesTheOfficialAsyncApi300Schema() {
        assertThat(document.root.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(JsonSchemas.errors(asyncApi300, document.root)).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsWhatAsyncApi3Forbids() {
        // An AsyncAPI 2 verb and a server without a protocol: both must be reported, or the check above proves nothing.
        ObjectNode broken = document.root.deepCopy();
        ((ObjectNode) broken.path("operations").path("concernServicePublishesConcerns")).put("action", "publish");
        ((ObjectNode) broken.path("servers").path("local")).remove("protocol");

        List<String> errors = JsonSchemas.errors(asyncApi300, broken);

        assertThat(errors).isNotEmpty();
        assertThat(String.join("\n", errors)).contains("action").contains("protocol");
    }

    @Test
    void everyReferencePointsToSomethingInTheDocument() {
        List<String> dangling = new ArrayList<>();
        for (AsyncApiDocument.Reference ref : document.references()) {
            if (document.at(ref.target()).isMissingNode()) {
                dangling.add(ref.location() + " -> " + ref.target());
            }
        }
        assertThat(document.references()).hasSizeGreaterThan(100);
        assertThat(dangling).as("references that point nowhere").isEmpty();
    }

    @Test
    void operationsListOnlyMessagesOfTheirOwnChannel() {
        List<String> wrong = new ArrayList<>();
        for (AsyncApiDocument.Operation op : document.operations()) {
            for (String ref : op.messageRefs()) {
                if (!ref.startsWith("#/channels/" + op.channelId() + "/messages/")) {
                    wrong.add(op.id() + " lists " + ref);
                }
            }
            if (op.messageRefs().isEmpty()) {
                wrong.add(op.id() + " lists no message");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyMessageHasAnExampleThatFitsItsPayloadAndHeaders() {
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (Map.Entry<String, JsonNode> entry : document.messages().entrySet()) {
            JsonNode message = entry.getValue();
            if (message.path("examples").isEmpty()) {
                problems.add(entry.getKey() + " has no example");
            }
            JsonSchema payload = JsonSchemas.of(document.inline(message.path("payload")));
            JsonNode headersSchema = document.headersSchema(message);
            for (JsonNode example : message.path("examples")) {
                examples++;
                String name = entry.getKey() + " example " + example.path("name").asText();
                if (!example.has("payload")) {
                    problems.add(name + " has no payload");
                }
                JsonSchemas.errors(payload, example.path("payload")).forEach(e -> problems.add(name + ": payload " + e));
                if (!headersSchema.isMissingNode()) {
                    JsonSchemas.errors(JsonSchemas.of(headersSchema), example.path("headers"))
                            .forEach(e -> problems.add(name + ": headers " + e));
                }
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(document.messages().size());
        assertThat(problems).isEmpty();
    }

    @Test
    void anExampleThatContradictsItsSchemaIsCaught() {
        // Guards the check above: an unknown urgency, a malformed id and a missing field must each be reported.
        JsonNode message = document.messages().get("concernRaised");
        ObjectNode example = message.path("examples").get(0).path("payload").deepCopy();
        ObjectNode data = (ObjectNode) example.get("data");
        data.put("urgency", "WHENEVER");
        data.put("concernId", "not-a-uuid");
        data.remove("raisedAt");

        List<String> errors = JsonSchemas.errors(JsonSchemas.of(document.inline(message.path("payload"))), example);

        assertThat(String.join("\n", errors)).contains("urgency").contains("concernId").contains("raisedAt");
    }
}
