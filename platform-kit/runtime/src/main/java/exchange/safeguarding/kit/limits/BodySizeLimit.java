package exchange.safeguarding.kit.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import exchange.safeguarding.kit.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} answers 413 problem+json, like every other
 * refusal, instead of the HTTP layer's bare 413. It runs just before that layer's own check, on the declared
 * Content-Length alone, so nothing of the body is read; the connection is then closed, as the HTTP layer does.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final Optional<MemorySize> limit;
    private final ObjectMapper json;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
                         ObjectMapper json) {
        this.limit = limit;
        this.json = json;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> check(context, max.asLongValue())));
    }

    void check(RoutingContext context, long max) {
        if (declaredLength(context) > max) {
            Problem problem = Problem.of(413, "Payload too large",
                    "The request body is larger than the " + max + " bytes this service accepts").at(context.normalizedPath());
            try {
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .endHandler(done -> context.request().connection().close())
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.next();
            }
            return;
        }
        context.next();
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec refuses a malformed length itself
        }
    }
}
