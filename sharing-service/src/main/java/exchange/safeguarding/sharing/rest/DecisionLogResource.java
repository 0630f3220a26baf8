package exchange.safeguarding.sharing.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.sharing.service.DecisionLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proof that the record of decisions and disclosures is intact. It reveals no entry's content. */
@Path("/decision-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tamper-evident decision log")
public class DecisionLogResource {

    private final DecisionLog log;

    public DecisionLogResource(DecisionLog log) {
        this.log = log;
    }

    @GET
    @Path("/verification")
    @RolesAllowed({Roles.AUDITOR, Roles.CALDICOTT_GUARDIAN, Roles.DATA_PROTECTION_OFFICER})
    @Operation(operationId = "verifyDecisionLog", summary = "Recompute the hash chain; names the first entry altered, removed or out of place",
            description = "Every decision and disclosure is an entry whose hash covers its content and the previous "
                    + "entry's hash, so any change breaks the chain from there.")
    @APIResponse(responseCode = "200", description = "Whether the log is intact",
            content = @Content(schema = @Schema(implementation = DecisionLog.Verification.class),
                    examples = @ExampleObject(name = "intact", value = ApiExamples.VERIFICATION)))
    public DecisionLog.Verification verify() {
        return log.verify();
    }
}
