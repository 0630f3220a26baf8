package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.QueryValues;
import exchange.safeguarding.sharing.service.AccessLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Who has seen it: reads of the caller's organisation's information by other organisations. */
@Path("/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access log")
public class AccessLogResource {

    private final AccessLog accessLog;
    private final CurrentCaller caller;

    public AccessLogResource(AccessLog accessLog, CurrentCaller caller) {
        this.accessLog = accessLog;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.DATA_PROTECTION_OFFICER, Roles.CALDICOTT_GUARDIAN})
    @Operation(operationId = "listAccessLog",
            summary = "Every read of the caller's organisation's information by another organisation, newest first",
            description = "A concern's details (its view, a list, the adult's chronology) read in concern-service, a "
                    + "disclosure's data read here, a subject access export of what was disclosed: who, which "
                    + "organisation, when, which categories and under which sharing decisions. Filter by `concernId` or "
                    + "`personId`; paged with `page` (from 0) and `size` (1 to 200). Reads of a whistleblowing concern "
                    + "are not listed to the organisation it is about.")
    @APIResponse(responseCode = "200", description = "One page of reads",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SharingViews.AccessLogView.class),
                    examples = @ExampleObject(name = "reads", value = ApiExamples.ACCESS_LOG)))
    @APIResponse(responseCode = "400", description = "A malformed id, a page below 0 or a size outside 1 to 200")
    public List<SharingViews.AccessLogView> list(@QueryParam("concernId") @Parameter(schema = @Schema(type = SchemaType.STRING,
                                                         format = "uuid")) String concernId,
                                                 @QueryParam("personId") @Parameter(schema = @Schema(type = SchemaType.STRING,
                                                         format = "uuid")) String personId,
                                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        UUID concern = QueryValues.optionalUuid(concernId, "concernId").orElse(null);
        UUID person = QueryValues.optionalUuid(personId, "personId").orElse(null);
        return accessLog.of(caller.get().organisation(), concern, person, page, size).stream()
                .map(SharingViews.AccessLogView::of).toList();
    }
}
