package exchange.safeguarding.deploy.system;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * The system tests call as well-behaved gateways do: every request names the member of staff acting (a person's own
 * token ignores the header). A test that checks the refusal of an unattributed gateway call sends {@link #NO_ONE}.
 */
final class ActingPersonFilter {

    static final String HEADER = "Acting-Person";
    static final String SOMEONE = "id=\"st-1\", name=\"System Test\", role=\"practitioner\"";
    /** Leave the request unattributed. */
    static final String NO_ONE = "X-Test-No-Acting-Person";

    private static boolean installed;

    private ActingPersonFilter() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        Filter filter = (request, response, context) -> {
            if (request.getHeaders().hasHeaderWithName(NO_ONE)) {
                request.removeHeader(NO_ONE);
            } else if (!request.getHeaders().hasHeaderWithName(HEADER)) {
                request.header(HEADER, SOMEONE);
            }
            return context.next(request, response);
        };
        RestAssured.filters(filter);
    }
}
