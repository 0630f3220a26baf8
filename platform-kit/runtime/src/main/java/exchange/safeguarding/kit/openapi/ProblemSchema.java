package exchange.safeguarding.kit.openapi;

import exchange.safeguarding.kit.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one {@code Problem} schema every error response of every service refers to: RFC 9457 members plus the
 * platform's {@code errors}, exactly as {@link Problem} is serialised (a test in the kit holds the two together).
 */
public final class ProblemSchema {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    public static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** Titles as the services write them (see ProblemException and ProblemMappers). */
    private static final Map<Integer, String> TITLES = Map.of(
            400, "Invalid request", 401, "Unauthenticated", 403, "Forbidden", 404, "Not found", 409, "Conflict",
            413, "Payload too large", 415, "Unsupported Media Type", 422, "Rule violated", 429, "Too many requests",
            500, "Internal error");

    private ProblemSchema() {
    }

    public static Schema problem() {
        return OASFactory.createSchema()
                .type(List.of(SchemaType.OBJECT))
                .description("An error, as RFC 9457 problem details (application/problem+json). `type` identifies the kind "
                        + "of problem, `detail` says what to do about it, and `errors` names each invalid field of a 400.")
                .required(List.of("type", "title", "status", "detail", "instance"))
                .addProperty("type", string("A URI identifying the kind of problem; the same for the same status in every service")
                        .format("uri").examples(List.of("https://safeguarding.exchange/problems/not-found")))
                .addProperty("title", string("A short summary of the kind of problem").examples(List.of("Not found")))
                .addProperty("status", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status code").examples(List.of(404)))
                .addProperty("detail", string("What went wrong in this request, in words a person can act on")
                        .examples(List.of("Concern 6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21 does not exist or is not visible to you")))
                .addProperty("instance", string("The path of the request that failed")
                        .examples(List.of("/concerns/6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21")))
                .addProperty("errors", OASFactory.createSchema().type(List.of(SchemaType.ARRAY))
                        .description("Each invalid field of a 400, so that all can be fixed at once; absent otherwise")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)));
    }

    public static Schema fieldError() {
        return OASFactory.createSchema()
                .type(List.of(SchemaType.OBJECT))
                .description("One invalid field: body properties by their path, parameters by their name")
                .required(List.of("field", "message"))
                .addProperty("field", string("The field as the caller wrote it").examples(List.of("adult.familyName")))
                .addProperty("message", string("What is wrong with it").examples(List.of("must not be blank")));
    }

    /** An example problem for a status, as a service would answer it on this path. */
    public static Map<String, Object> example(int status, String detail, String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.typeFor(status));
        example.put("title", TITLES.getOrDefault(status, "HTTP " + status));
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", path);
        return example;
    }

    static String titleFor(int status) {
        return TITLES.getOrDefault(status, "HTTP " + status);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(SchemaType.STRING)).description(description);
    }
}
