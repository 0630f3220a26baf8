package exchange.safeguarding.kit.input;

import exchange.safeguarding.kit.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * A NUL character (%00) in the path or a query parameter is refused with 400 before any resource runs: it can name
 * nothing, and PostgreSQL cannot compare text containing it (the lookup would fail as a server error).
 */
public class NulInRequestLine {

    @ServerRequestFilter(preMatching = true)
    public Response refuseNul(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.getUriInfo().getPath().indexOf('\u0000') >= 0) {
            errors.add(new Problem.FieldError("path", StrictJson.NulCharacter.MESSAGE));
        }
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (name.indexOf('\u0000') >= 0 || values.stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                errors.add(new Problem.FieldError(name.replace('\u0000', '?'), StrictJson.NulCharacter.MESSAGE));
            }
        });
        if (errors.isEmpty()) {
            return null;
        }
        Problem problem = new Problem(Problem.typeFor(400), "Invalid request", 400,
                errors.size() + " field(s) are invalid", request.getUriInfo().getPath().replace('\u0000', '?'), errors);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
