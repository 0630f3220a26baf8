package exchange.safeguarding.kit.testing.openapi;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.List;

/** The swagger-parser validator (as openapi-generator runs it): a document it reads without a single message. */
final class StructuralCheck {

    private StructuralCheck() {
    }

    static List<String> messages(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        if (result.getOpenAPI() == null && (result.getMessages() == null || result.getMessages().isEmpty())) {
            return List.of("the document could not be read as OpenAPI");
        }
        return result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
    }
}
