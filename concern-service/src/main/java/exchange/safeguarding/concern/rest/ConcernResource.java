package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.concern.repository.ConcernStepRepository;
import exchange.safeguarding.concern.rest.WorkflowRequests.Outcome;
import exchange.safeguarding.concern.rest.WorkflowRequests.Reason;
import exchange.safeguarding.concern.rest.WorkflowRequests.Triage;
import exchange.safeguarding.concern.service.ConcernIntake;
import exchange.safeguarding.concern.service.ConcernVisibility;
import exchange.safeguarding.concern.service.ConcernWorkflow;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.CurrentCaller;
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
@APIResponse(responseCode = "403", description = "The caller's role or organisation does not act at this step",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such concern, or not visible to the caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConcernResource {

    private final ConcernIntake intake;
    private final ConcernWorkflow workflow;
    private final ConcernRepository concerns;
    private final ConcernStepRepository steps;
    private final ConcernVisibility visibility;
    private final CurrentCaller caller;

    public ConcernResource(ConcernIntake intake, ConcernWorkflow workflow, ConcernRepository concerns,
                           ConcernStepRepository steps, ConcernVisibility visibility, CurrentCaller caller) {
        this.intake = intake;
        this.workflow = workflow;
        this.concerns = concerns;
        this.steps = steps;
        this.visibility = visibility;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY})
    @Operation(summary = "Raise a safeguarding concern on behalf of the caller's organisation; it is routed at once")
    @APIResponse(responseCode = "201", description = "Stored and routed",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response raise(@NotNull @Valid RaiseConcernRequest request, UriInfo uri) {
        Caller who = caller.get();
        Concern concern = intake.raise(who, request.toDomain());
        return Response.created(uri.getAbsolutePathBuilder().path(concern.id.toString()).build())
                .entity(ConcernView.of(concern, visibility.raiserFor(who, concern))).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(summary = "Read one concern the caller's organisation may see")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConcernView.class)))
    public ConcernView get(@PathParam("id") UUID id) {
        Caller who = caller.get();
        Concern concern = visibility.visible(who, concerns.findById(id), id);
        return ConcernView.of(concern, visibility.raiserFor(who, concern));
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(summary = "List the concerns the caller's organisation may see (raised, routed, referred or disclosed to it), newest first")
    public List<ConcernView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Caller who = caller.get();
        return concerns.visibleTo(who.organisation(), page, size).stream().filter(c -> visibility.canSee(who, c))
                .map(c -> ConcernView.of(c, visibility.raiserFor(who, c))).toList();
    }

    @GET
    @Path("/{id}/steps")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(summary = "Every step of the concern: who did what, at which step, when and why")
    public List<ConcernView.StepView> steps(@PathParam("id") UUID id) {
        Caller who = caller.get();
        Concern concern = visibility.visible(who, concerns.findById(id), id);
        boolean hideRaiser = ConcernVisibility.WITHHELD.equals(visibility.raiserFor(who, concern));
        return steps.of(id).stream().map(s -> ConcernView.StepView.of(s,
                hideRaiser && "RAISED".equals(s.action) || hideRaiser && "CHALLENGED".equals(s.action)
                        ? ConcernVisibility.WITHHELD : s.doneBy)).toList();
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(summary = "Acknowledge a concern at the caller's step; the decision is then due within the response time")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "409", description = "Not awaiting acknowledgement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConcernView acknowledge(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return ConcernView.of(workflow.acknowledge(who, id), visibility.raiserFor(who, concerns.findById(id)));
    }

    @POST
    @Path("/{id}/triage")
    @RolesAllowed({Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(summary = "Assess against the section 42 tests and decide: refer to the local authority, start an enquiry (local authority), or no further action with reasons")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "409", description = "Not acknowledged yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The decision is not open at this step",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConcernView triage(@PathParam("id") UUID id, @NotNull @Valid Triage request) {
        Caller who = caller.get();
        var test = new ConcernWorkflow.Section42(request.section42().careAndSupportNeeds(),
                request.section42().experiencingOrAtRiskOfAbuse(), request.section42().unableToProtectThemselves());
        Concern concern = workflow.triage(who, id, test, request.decision(), request.enquiryType(), request.reasons());
        return ConcernView.of(concern, visibility.raiserFor(who, concern));
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed(Roles.LA_SAFEGUARDING_OFFICER)
    @Operation(summary = "Record the outcome of the enquiry (national outcome categories)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConcernView.class)))
    public ConcernView outcome(@PathParam("id") UUID id, @NotNull @Valid Outcome request) {
        Caller who = caller.get();
        Concern concern = workflow.recordOutcome(who, id, request.outcome(), request.riskResult(), request.notes());
        return ConcernView.of(concern, visibility.raiserFor(who, concern));
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed({Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(summary = "Close the concern with reasons; closing without referral is shown to the raiser and the local authority")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConcernView.class)))
    public ConcernView close(@PathParam("id") UUID id, @NotNull @Valid Reason request) {
        Caller who = caller.get();
        Concern concern = workflow.close(who, id, request.reason());
        return ConcernView.of(concern, visibility.raiserFor(who, concern));
    }

    @POST
    @Path("/{id}/challenges")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY})
    @Operation(summary = "Professional challenge: the raiser escalates over whoever holds the concern, with a reason (also after closure)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConcernView.class)))
    public ConcernView challenge(@PathParam("id") UUID id, @NotNull @Valid Reason request) {
        Caller who = caller.get();
        Concern concern = workflow.challenge(who, id, request.reason());
        return ConcernView.of(concern, visibility.raiserFor(who, concern));
    }
}
