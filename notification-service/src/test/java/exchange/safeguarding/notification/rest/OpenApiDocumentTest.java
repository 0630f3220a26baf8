package exchange.safeguarding.notification.rest;

import exchange.safeguarding.kit.testing.openapi.ServedDocumentContract;
import io.quarkus.test.junit.QuarkusTest;

/** notification-service's OpenAPI document passes every check of {@link ServedDocumentContract}. */
@QuarkusTest
class OpenApiDocumentTest extends ServedDocumentContract {

    @Override
    protected String serviceName() {
        return "notification-service";
    }
}
