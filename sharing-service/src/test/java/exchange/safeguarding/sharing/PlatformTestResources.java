package exchange.safeguarding.sharing;

import exchange.safeguarding.kit.testing.EmbeddedPostgresResource;
import exchange.safeguarding.kit.testing.InProcessKafkaResource;
import exchange.safeguarding.kit.testing.OidcTestServer;
import exchange.safeguarding.sharing.support.ConcernServiceStandIn;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL, a real Kafka broker, an OIDC server, and a stand-in for concern-service's extracts. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(ConcernServiceStandIn.class)
public class PlatformTestResources {
}
