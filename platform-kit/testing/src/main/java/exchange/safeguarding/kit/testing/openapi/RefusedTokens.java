package exchange.safeguarding.kit.testing.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * The 401 every operation documents is what it answers: a refused bearer token gets a problem+json 401 with the
 * bearer challenge, on every documented operation.
 */
public final class RefusedTokens {

    private RefusedTokens() {
    }

    /** Fails naming every operation whose answer to a refused token is not the documented one. */
    public static void assertAnsweredAsDocumented(String document) {
        List<String> wrong = undocumentedAnswers(document);
        if (!wrong.isEmpty()) {
            throw new AssertionError("A refused token must get a problem+json 401 with the bearer challenge:\n  "
                    + String.join("\n  ", wrong));
        }
    }

    /** The operations whose answer to a refused token is not the documented one; empty when all are. */
    public static List<String> undocumentedAnswers(String document) {
        JsonNode tree = OpenApiLint.read(document);
        List<String> wrong = new ArrayList<>();
        for (Documents.OperationAt at : Documents.operations(tree)) {
            String path = at.path().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001");
            Response response = given().header("Authorization", "Bearer not-a-token").contentType("application/json")
                    .body(at.operation().has("requestBody") ? "{}" : "").request(at.method().toUpperCase(), path);
            String type = String.valueOf(response.contentType());
            if (response.statusCode() != 401 || !type.startsWith(PlatformRules.PROBLEM_MEDIA_TYPE)
                    || !"Bearer".equals(response.header("WWW-Authenticate"))) {
                wrong.add(at.name() + " answered " + response.statusCode() + " " + type);
            }
        }
        return wrong;
    }
}
