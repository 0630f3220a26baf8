package exchange.safeguarding.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Request bodies are read strictly: anything after the JSON value is refused (not silently dropped), and so is a
 * NUL character in any string, which PostgreSQL cannot store in text (it would fail as a server error at the database
 * instead of a 400 naming the field).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("strict-json").addDeserializer(String.class, new NoNulStrings()));
    }

    /** A string with a NUL character in it; the problem names the field. */
    public static final class NulCharacter extends JsonMappingException {
        public static final String MESSAGE = "must not contain the NUL character (U+0000)";

        NulCharacter(JsonParser parser) {
            super(parser, MESSAGE);
        }
    }

    static final class NoNulStrings extends StdScalarDeserializer<String> {

        NoNulStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new NulCharacter(parser);
            }
            return value;
        }
    }
}
