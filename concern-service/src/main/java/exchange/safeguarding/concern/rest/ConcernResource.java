package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.concern.service.ConcernIntake;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.OrganisationGuard;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/concerns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Concerns")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConcernResource {

    private final ConcernIntake intake;
    private final ConcernRepository concerns;
    private final CurrentCaller caller;
    private final OrganisationGuard guard;

    public ConcernResource(ConcernIntake intake, ConcernRepository concerns, CurrentCaller caller, OrganisationGuard guard) {
        this.intake = intake;
        this.concerns = concerns;
        this.caller = caller;
        this.guard = guard;
    }

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY})
    @Operation(summary = "Raise a safeguarding concern on behalf of the caller's organisation")
    @APIResponse(responseCode = "201", description = "Stored; routing has begun",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response raise(@NotNull @Valid RaiseConcernRequest request, UriInfo uri) {
        Caller who = caller.get();
        var concern = intake.raise(who, new ConcernIntake.NewConcern(request.adult().givenName(),
                request.adult().familyName(), request.summary(), request.urgency()));
        return Response.created(uri.getAbsolutePathBuilder().path(concern.id.toString()).build())
                .entity(ConcernView.of(concern)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(summary = "Read one concern of the caller's organisation")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not visible to the caller's organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConcernView get(@PathParam("id") UUID id) {
        return ConcernView.of(guard.visible(caller.get(), concerns.findById(id), c -> c.organisation, "Concern " + id));
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(summary = "List the caller's organisation's concerns, newest first")
    public List<ConcernView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return concerns.ownedBy(caller.get().organisation(), page, size).stream().map(ConcernView::of).toList();
    }
}
