package exchange.safeguarding.agreement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "agreement.gateway")
public interface GatewayConfig {

    /** Local platform and tests only: accept http://localhost gateways. */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /** How long a rotated-out signing secret still signs, so receivers can switch without losing messages. */
    @WithDefault("P1D")
    Duration secretOverlap();
}
