package exchange.safeguarding.concern.rest;

import exchange.safeguarding.kit.testing.openapi.ServedDocumentContract;
import io.quarkus.test.junit.QuarkusTest;

/** concern-service's OpenAPI document passes every check of {@link ServedDocumentContract}. */
@QuarkusTest
class OpenApiDocumentTest extends ServedDocumentContract {

    @Override
    protected String serviceName() {
        return "concern-service";
    }
}
