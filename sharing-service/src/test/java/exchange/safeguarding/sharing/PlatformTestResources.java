package exchange.safeguarding.sharing;

import exchange.safeguarding.kit.testing.EmbeddedPostgresResource;
import exchange.safeguarding.kit.testing.InProcessKafkaResource;
import exchange.safeguarding.kit.testing.OidcTestServer;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL, a real Kafka broker and an OIDC server for every test in this service. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(OidcTestServer.class)
public class PlatformTestResources {
}
