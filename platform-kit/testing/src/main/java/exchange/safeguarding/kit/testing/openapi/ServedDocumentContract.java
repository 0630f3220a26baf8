package exchange.safeguarding.kit.testing.openapi;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/**
 * The checks every service's OpenAPI document must pass, run against the document the service serves: a service's
 * {@code @QuarkusTest} extends this and names itself. The document integrators build against is complete, lints
 * clean, tells the truth about refused tokens, and is the published copy under docs/openapi.
 */
public abstract class ServedDocumentContract {

    /** The service's name, as its published copy is named: docs/openapi/{name}.yaml. */
    protected abstract String serviceName();

    @Test
    void theDocumentPassesTheLint() {
        OpenApiLint.assertClean(given().get("/q/openapi?format=json").asString());
    }

    @Test
    void everyOperationAnswersARefusedTokenAsDocumented() {
        RefusedTokens.assertAnsweredAsDocumented(given().get("/q/openapi?format=json").asString());
    }

    @Test
    void thePublishedCopyIsTheServedDocument() {
        PublishedDocument.assertSame(serviceName(), given().get("/q/openapi").asString());
    }
}
