package exchange.safeguarding.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import exchange.safeguarding.kit.input.StrictJson;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error leaves a service as RFC 9457 problem+json: bad input is a 4xx that names the field, and an
 * unexpected failure is a 500 with a reference to the log, never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    /** A problem names at most this many fields: a list of 10,000 bad items must not answer with a 10,000-item list. */
    static final int MAX_FIELD_ERRORS = 100;

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        int invalid = e.getConstraintViolations().size();
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .limit(MAX_FIELD_ERRORS)
                .collect(Collectors.toList());
        return respond(new Problem(Problem.typeFor(400), "Invalid request", 400, invalid + " field(s) are invalid"
                + (invalid > errors.size() ? "; the first " + errors.size() + " are named" : ""), null, errors), uri);
    }

    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class})
    public Response unreadableBody(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = e instanceof UnrecognizedPropertyException ? "is not a known field"
                : e instanceof StrictJson.NulCharacter ? StrictJson.NulCharacter.MESSAGE
                : e instanceof InvalidFormatException ife ? "cannot be read as " + ife.getTargetType().getSimpleName()
                : e instanceof ValueInstantiationException vie && vie.getCause() != null ? vie.getCause().getMessage()
                : "has the wrong type or shape";
        return respond(new Problem(Problem.typeFor(400), "Invalid request", 400, "The request body cannot be read",
                null, List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message))), uri);
    }

    @ServerExceptionMapper({JsonParseException.class, JsonProcessingException.class})
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(400, "Invalid request", "The request body is not well-formed JSON"), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException jme) {
            return unreadableBody(jme, uri);
        }
        if (cause instanceof JsonProcessingException jpe) {
            return malformedJson(jpe, uri);
        }
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation; ask for application/json";
            case 415 -> "Send the body as application/json";
            default -> title;
        };
        return respond(Problem.of(status, title, detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (changedConcurrently(e)) {
            return respond(Problem.of(409, "Conflict",
                    "Someone else changed this at the same moment; read it again and decide on what it is now"), uri);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", reference, uri == null ? "?" : uri.getPath());
        return respond(Problem.of(500, "Internal error",
                "The request could not be completed; quote reference " + reference), uri);
    }

    /**
     * Two people acting on one record at once: the second write fails its optimistic lock (at flush, or at commit
     * where it arrives wrapped). That is a conflict the caller can resolve, not a server error.
     */
    static boolean changedConcurrently(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem located = uri != null && problem.instance() == null ? problem.at(uri.getPath()) : problem;
        return Response.status(located.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }

    /** The field as the caller wrote it: body properties by path, query and path parameters by name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() == null || node.getName().startsWith("<")) {
                    continue;
                }
                if (node.getIndex() != null && field.length() > 0) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() > 0 ? field.toString() : parameter != null ? parameter : "body";
    }
}
