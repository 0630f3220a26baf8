package exchange.safeguarding.notification;

import exchange.safeguarding.kit.testing.EmbeddedPostgresResource;
import exchange.safeguarding.kit.testing.InProcessKafkaResource;
import exchange.safeguarding.kit.testing.OidcTestServer;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL, a real Kafka broker and an OIDC server for every test in this service. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(GreenMailResource.class)
public class PlatformTestResources {
}
