package exchange.safeguarding.kit.openapi;

import exchange.safeguarding.kit.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Completes every service's OpenAPI document with what the platform does the same way everywhere, so resources
 * declare only what is particular to them (their success, 404, 409 and 422 answers and examples):
 * <ul>
 *   <li>the one {@code Problem} schema and the standard error responses, each with an example;</li>
 *   <li>401, 403 and 429 on every secured operation, 400 where the caller sends a body or parameters, 413 and 415
 *       where it sends a body, 500 everywhere;</li>
 *   <li>problem+json content on every error response an operation declares without content;</li>
 *   <li>the roles allowed, read from the security requirement, at the end of each operation's description.</li>
 * </ul>
 * Registered for every service by the kit's configuration ({@code mp.openapi.filter}).
 */
public class StandardResponses implements OASFilter {

    /** Descriptions Quarkus gives the 401 and 403 it adds by itself; replaced by the platform's own. */
    private static final List<String> GENERIC_DESCRIPTIONS = List.of("Not Authorized", "Not Allowed");
    private static final String ROLES_PREFIX = "Roles allowed: ";

    /** The answers every service gives the same way, as reusable components. */
    enum Standard {
        INVALID_REQUEST("InvalidRequest", 400, "The request is invalid: a field or parameter breaks a constraint, or the "
                + "body cannot be read. `errors` names each invalid field.", "1 field(s) are invalid"),
        UNAUTHENTICATED("Unauthenticated", 401, "No valid bearer token: send an access token from the Keycloak realm "
                + "`safeguarding` with audience `safeguarding-exchange-api`. The answer carries `WWW-Authenticate: Bearer`; "
                + "a refused token (invalid, expired, another audience) is explained as a problem, a request without "
                + "any token gets the challenge with an empty body.",
                "Send a valid bearer token from the safeguarding realm with audience safeguarding-exchange-api"),
        FORBIDDEN("Forbidden", 403, "The caller's role does not allow this operation (see the roles allowed), or the "
                + "token names no organisation.", "Your role does not allow this operation"),
        PAYLOAD_TOO_LARGE("PayloadTooLarge", 413, "The body is larger than the service accepts (1 MiB unless configured "
                + "otherwise), as declared by `Content-Length`; nothing of it is read and the connection is closed.",
                "The request body is larger than the 1048576 bytes this service accepts"),
        UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415, "The body is not sent as `application/json`.",
                "Send the body as application/json"),
        TOO_MANY_REQUESTS("TooManyRequests", 429, "The caller (the token's subject) has sent more requests than its "
                + "rate allows (by default a burst of 300, then 50 a second, per service instance); `Retry-After` says "
                + "how many seconds to wait. Platform services are not limited.",
                "You are calling faster than this service allows; try again in 1 s"),
        INTERNAL_ERROR("InternalError", 500, "An unexpected failure. Nothing is half done; quote the reference in "
                + "`detail` when you report it.",
                "The request could not be completed; quote reference 0d4c9b1e-8a57-4f1c-9e0b-6b2f3d7a5c18");

        final String component;
        final int status;
        final String description;
        final String exampleDetail;

        Standard(String component, int status, String description, String exampleDetail) {
            this.component = component;
            this.status = status;
            this.description = description;
            this.exampleDetail = exampleDetail;
        }

        String ref() {
            return "#/components/responses/" + component;
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() != null ? openAPI.getComponents() : OASFactory.createComponents();
        openAPI.setComponents(components);
        components.addSchema(ProblemSchema.PROBLEM, ProblemSchema.problem());
        components.addSchema(ProblemSchema.FIELD_ERROR, ProblemSchema.fieldError());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String aPath = openAPI.getPaths().getPathItems().keySet().stream().findFirst().orElse("/");
        for (Standard standard : Standard.values()) {
            Map<String, Object> example = ProblemSchema.example(standard.status, standard.exampleDetail, aPath);
            if (standard == Standard.INVALID_REQUEST) {
                Map<String, Object> fieldError = new LinkedHashMap<>(); // ordered, so the document is the same every time
                fieldError.put("field", "name");
                fieldError.put("message", "must not be blank");
                example.put("errors", List.of(fieldError));
            }
            APIResponse response = OASFactory.createAPIResponse().description(standard.description)
                    .content(problemContent(example));
            if (standard == Standard.UNAUTHENTICATED) {
                response.addHeader("WWW-Authenticate", header("The bearer challenge", "Bearer"));
            } else if (standard == Standard.TOO_MANY_REQUESTS) {
                response.addHeader("Retry-After", header("Seconds to wait before trying again", "1"));
            }
            components.addResponse(standard.component, response);
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> complete(path, item, operation)));
    }

    private void complete(String path, PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses() != null ? operation.getResponses() : OASFactory.createAPIResponses();
        Map<String, APIResponse> byCode = new TreeMap<>(Comparator.naturalOrder());
        if (responses.getAPIResponses() != null) {
            byCode.putAll(responses.getAPIResponses());
        }
        byCode.replaceAll((code, response) -> withProblemContent(code, response, path));
        List<String> roles = rolesAllowed(operation);
        if (roles.contains("gateway") && actingPersonRequired()) {
            operation.addParameter(actingPerson());
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            standard(byCode, Standard.UNAUTHENTICATED);
            standard(byCode, Standard.FORBIDDEN);
        }
        if (operation.getRequestBody() != null || takesCheckedParameters(item, operation)) {
            standard(byCode, Standard.INVALID_REQUEST);
        }
        if (operation.getRequestBody() != null) {
            standard(byCode, Standard.PAYLOAD_TOO_LARGE);
            standard(byCode, Standard.UNSUPPORTED_MEDIA_TYPE);
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            standard(byCode, Standard.TOO_MANY_REQUESTS);
        }
        standard(byCode, Standard.INTERNAL_ERROR);
        responses.setAPIResponses(new LinkedHashMap<>(byCode));
        operation.setResponses(responses);
        if (!roles.isEmpty() && operation.getDescription() != null && !operation.getDescription().contains(ROLES_PREFIX)) {
            operation.setDescription(operation.getDescription().strip() + "\n\n" + ROLES_PREFIX
                    + roles.stream().map(role -> "`" + role + "`").collect(Collectors.joining(", ")) + ".");
        }
    }

    /** Whether this service refuses a gateway's unattributed write (kit.acting-person.required-on-writes). */
    private static boolean actingPersonRequired() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("kit.acting-person.required-on-writes", Boolean.class).orElse(false);
    }

    private static Parameter actingPerson() {
        return OASFactory.createParameter().name(exchange.safeguarding.kit.caller.ActingPerson.HEADER).in(Parameter.In.HEADER)
                .required(false).example("id=\"cm-204\", name=\"Chloe Marsh\", role=\"practitioner\"")
                .description("For a gateway: the member of staff acting, an RFC 8941 dictionary of `id` (their user id in "
                        + "your system, 1 to 40 characters), `name` (1 to 80, printable ASCII) and `role` (practitioner, "
                        + "line-manager, safeguarding-lead, la-safeguarding-officer, caldicott-guardian, "
                        + "data-protection-officer or auditor). Required on a gateway's POST, PUT and DELETE, which are "
                        + "refused without it (400); they are recorded as the person acting via the gateway. A person's "
                        + "own token ignores it.")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(1000));
    }

    /** Adds the standard answer, or puts it in place of a bare one (no content, a generic description). */
    private static void standard(Map<String, APIResponse> byCode, Standard standard) {
        String code = String.valueOf(standard.status);
        APIResponse present = byCode.get(code);
        if (present == null || present.getRef() == null && (present.getDescription() == null
                || GENERIC_DESCRIPTIONS.contains(present.getDescription()))) {
            byCode.put(code, OASFactory.createAPIResponse().ref(standard.ref()));
        }
    }

    /**
     * An error response declared with a code and a description gets the problem content, and an example whose detail
     * is the description (not for a 400, whose detail and errors depend on the fields at fault).
     */
    private static APIResponse withProblemContent(String code, APIResponse response, String path) {
        if (response.getRef() != null || response.getContent() != null || !isError(code)
                || response.getDescription() == null || GENERIC_DESCRIPTIONS.contains(response.getDescription())) {
            return response;
        }
        int status = Integer.parseInt(code);
        return response.content(problemContent(status == 400 ? null
                : ProblemSchema.example(status, response.getDescription(), path)));
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header header(String description, String example) {
        return OASFactory.createHeader().description(description).example(example)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.startsWith("4") || code.startsWith("5"));
    }

    private static Content problemContent(Map<String, Object> example) {
        var media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ProblemSchema.PROBLEM));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, example == null ? media : media.example(example));
    }

    /**
     * Query and header parameters are read and checked, so they can be refused with a 400; a path parameter only when
     * it carries a constraint (a malformed path segment names no resource, which answers 404).
     */
    private static boolean takesCheckedParameters(PathItem item, Operation operation) {
        List<Parameter> parameters = new java.util.ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        return parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH || constrained(p.getSchema()));
    }

    private static boolean constrained(Schema schema) {
        return schema != null && (schema.getMinimum() != null || schema.getMaximum() != null || schema.getPattern() != null
                || schema.getMinLength() != null || schema.getMaxLength() != null);
    }

    private static List<String> rolesAllowed(Operation operation) {
        if (operation.getSecurity() == null) {
            return List.of();
        }
        return operation.getSecurity().stream().map(SecurityRequirement::getSchemes).filter(Objects::nonNull)
                .flatMap(schemes -> schemes.values().stream()).filter(Objects::nonNull).flatMap(List::stream)
                .distinct().toList();
    }
}
