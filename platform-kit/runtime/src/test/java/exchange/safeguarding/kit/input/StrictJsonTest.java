package exchange.safeguarding.kit.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {

    record Adult(String givenName, List<String> aliases) {
    }

    record Concern(Adult adult, String whatHappened) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aNulCharacterInAnyStringIsRefusedNamingTheField() {
        JsonMappingException refused = assertThrows(StrictJson.NulCharacter.class, () -> json.readValue(
                "{\"adult\": {\"givenName\": \"Edith\\u0000\"}, \"whatHappened\": \"x\"}", Concern.class));
        assertEquals("adult.givenName", refused.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .collect(Collectors.joining(".")));
        assertThrows(StrictJson.NulCharacter.class, () -> json.readValue(
                "{\"adult\": {\"givenName\": \"Edith\", \"aliases\": [\"E\\u0000\"]}}", Concern.class), "in a list too");
    }

    @Test
    void textWithoutNulIsReadAsItCame() throws Exception {
        Concern read = json.readValue("{\"adult\": {\"givenName\": \"Zoë \\u202E \\uD83D\\uDC69\", \"aliases\": [\"<script>\"]},"
                + " \"whatHappened\": \"'; DROP TABLE concern; --\"}", Concern.class);
        assertEquals("Zoë \u202E \uD83D\uDC69", read.adult().givenName());
        assertEquals("'; DROP TABLE concern; --", read.whatHappened());
    }

    @Test
    void anythingAfterTheJsonValueIsRefused() {
        // Without the check both read as the first object and the rest is dropped.
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"whatHappened\": \"x\"} trailing", Concern.class));
        assertThrows(MismatchedInputException.class, () -> json.readValue("{\"whatHappened\": \"x\"}{\"again\": 1}", Concern.class));
    }
}
