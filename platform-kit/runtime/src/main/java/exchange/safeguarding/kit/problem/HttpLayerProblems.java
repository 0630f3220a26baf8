package exchange.safeguarding.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bearer token that is refused (invalid, expired, another audience) answers problem+json like every other error,
 * instead of an empty body; the 401 keeps its bearer challenge. (A request with no token at all gets the bare
 * challenge from the HTTP layer, which sends it without passing through failure handlers.)
 */
@ApplicationScoped
public class HttpLayerProblems {

    private final ObjectMapper json;

    public HttpLayerProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            send(context, Problem.of(401, "Unauthenticated",
                    "Send a valid bearer token from the safeguarding realm with audience safeguarding-exchange-api"));
        } else {
            context.next();
        }
    }

    private void send(RoutingContext context, Problem problem) {
        try {
            context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.at(context.normalizedPath())));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
