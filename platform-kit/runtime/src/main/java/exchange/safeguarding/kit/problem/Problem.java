package exchange.safeguarding.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details. {@code errors} names each invalid field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null, List.of());
    }

    public Problem at(String instancePath) {
        return new Problem(type, title, status, detail, instancePath, errors);
    }

    /** The problem type URI for a status, the same in every service. */
    public static String typeFor(int status) {
        return "https://safeguarding.exchange/problems/" + switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "rule-violated";
            case 429 -> "too-many-requests";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }
}
