package exchange.safeguarding.notification.rest;

import exchange.safeguarding.kit.testing.openapi.OpenApiLint;
import exchange.safeguarding.kit.testing.openapi.PublishedDocument;
import exchange.safeguarding.kit.testing.openapi.RefusedTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** The document integrators build against is complete, lints clean, tells the truth, and is the published copy. */
@QuarkusTest
class OpenApiDocumentTest {

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
        PublishedDocument.assertSame("notification-service", given().get("/q/openapi").asString());
    }
}
