package exchange.safeguarding.concern.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernReadKind;
import exchange.safeguarding.concern.domain.ConcernField;
import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.concern.repository.ConcernStepRepository;
import exchange.safeguarding.concern.rest.WorkflowRequests.Outcome;
import exchange.safeguarding.concern.rest.WorkflowRequests.Reason;
import exchange.safeguarding.concern.rest.WorkflowRequests.Triage;
import exchange.safeguarding.concern.service.ConcernIntake;
import exchange.safeguarding.concern.service.ConcernReads;
import exchange.safeguarding.concern.service.ConcernVisibility;
import exchange.safeguarding.concern.service.ConcernWorkflow;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.idempotency.IdempotencyKey;
import exchange.safeguarding.kit.idempotency.IdempotencyKeys;
import exchange.safeguarding.kit.idempotency.KeyedRequest;
import exchange.safeguarding.kit.idempotency.RequestFingerprint;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
public class ConcernResource {

    private static final String NOT_FOUND = "No such concern, or not visible to the caller";
    private static final String NOT_AT_THIS_STEP =
            "The role or organisation allowed, but not the one that acts at the concern's current step";

    private final ConcernIntake intake;
    private final ConcernWorkflow workflow;
    private final ConcernRepository concerns;
    private final ConcernStepRepository steps;
    private final ConcernVisibility visibility;
    private final CurrentCaller caller;
    private final RequestFingerprint fingerprint;
    private final ConcernReads reads;


    public ConcernResource(ConcernIntake intake, ConcernWorkflow workflow, ConcernRepository concerns,
                           ConcernStepRepository steps, ConcernVisibility visibility, CurrentCaller caller,
                           RequestFingerprint fingerprint, ConcernReads reads) {
        this.fingerprint = fingerprint;
        this.reads = reads;
        this.intake = intake;
        this.workflow = workflow;
        this.concerns = concerns;
        this.steps = steps;
        this.visibility = visibility;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY})
    @Operation(operationId = "raiseConcern",
            summary = "Raise a safeguarding concern on behalf of the caller's organisation; it is routed at once",
            description = "The adult and any person alleged to cause harm are matched to person records across "
                    + "agencies. Routing follows the urgency: ROUTINE and URGENT go to the raising organisation's line "
                    + "managers, EMERGENCY straight to its safeguarding lead and the local authority, LOW_LEVEL is "
                    + "recorded and counted; whistleblowing concerns bypass the organisation. Unknown fields are refused.")
    @APIResponse(responseCode = "201", description = "Stored and routed; `Location` names the concern. A repeat of an "
            + "earlier request with the same `Idempotency-Key` answers with the concern that request raised, and "
            + "`Idempotent-Replayed: true`",
            headers = @Header(name = "Idempotent-Replayed", description = "`true` when the concern was raised by an earlier "
                    + "request with the same Idempotency-Key", schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named (including NHS number check digits)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used by the organisation for a "
            + "different concern")
    public Response raise(@NotNull @Valid RaiseConcernRequest request,
                          @HeaderParam(IdempotencyKey.HEADER) @Parameter(schema = @Schema(type = SchemaType.STRING,
                                  pattern = IdempotencyKey.PATTERN, maxLength = 255), description = "Chosen by the gateway, unique per concern (a UUID is best) and "
                                  + "sent again unchanged with every retry of the same request: the concern is then "
                                  + "raised once however many times it arrives. Remembered per organisation for as long "
                                  + "as the concern is kept.", example = "7d0f3c52-1c9e-4a57-9f0b-8f1e2b6c4d21")
                          String idempotencyKey, UriInfo uri) {
        KeyedRequest keyed = fingerprint.keyed(idempotencyKey, request);
        Caller who = caller.get();
        IdempotencyKeys.Created<Concern> raised = intake.raise(who, request.toDomain(), keyed);
        Concern concern = raised.resource();
        Response.ResponseBuilder created = Response.created(uri.getAbsolutePathBuilder().path(concern.id.toString()).build())
                .entity(ConcernView.of(concern, visibility.scope(who, concern)));
        return (raised.replayed() ? created.header(IdempotencyKey.REPLAYED, "true") : created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(operationId = "getConcern", summary = "Read one concern the caller's organisation may see",
            description = "Visible to the raising organisation, the organisations it was routed, referred or disclosed "
                    + "to, and auditors. The raising organisation sees its own record (a whistleblower's name withheld "
                    + "from it); any other organisation sees the workflow facts and only the fields whose data category "
                    + "a sharing decision released to it (the one gate; `access` lists what was withheld and why).")
    @APIResponse(responseCode = "200", description = "The concern",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public ConcernView get(@PathParam("id") UUID id) {
        Caller who = caller.get();
        Concern concern = visibility.visible(who, concerns.findById(id), id);
        var scope = visibility.scope(who, concern);
        reads.read(who, ConcernReadKind.CONCERN, concern, scope);
        return ConcernView.of(concern, scope);
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(operationId = "listConcerns",
            summary = "List the concerns the caller's organisation may see (raised, routed, referred or disclosed to it), newest first",
            description = "Paged with `page` (from 0) and `size` (1 to 200).")
    @APIResponse(responseCode = "200", description = "One page of concerns",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ConcernView.class)))
    @APIResponse(responseCode = "400", description = "A page below 0 or a size outside 1 to 200")
    public List<ConcernView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Caller who = caller.get();
        List<Concern> visible = concerns.visibleTo(who.organisation(), page, size).stream()
                .filter(c -> visibility.canSee(who, c)).toList();
        var scopes = visibility.scopes(who, visible);
        reads.read(who, ConcernReadKind.CONCERN_LIST, visible, scopes);
        return visible.stream().map(c -> ConcernView.of(c, scopes.get(c.id))).toList();
    }

    @GET
    @Path("/{id}/steps")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(operationId = "listConcernSteps", summary = "Every step of the concern: who did what, at which step, when and why",
            description = "Oldest first. A whistleblower's name is withheld from their own organisation.")
    @APIResponse(responseCode = "200", description = "The steps",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ConcernView.StepView.class),
                    examples = @ExampleObject(name = "steps", value = ApiExamples.STEPS)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public List<ConcernView.StepView> steps(@PathParam("id") UUID id) {
        Caller who = caller.get();
        Concern concern = visibility.visible(who, concerns.findById(id), id);
        var scope = visibility.scope(who, concern);
        boolean hideRaiser = ConcernVisibility.WITHHELD.equals(scope.raisedBy());
        return steps.of(id).stream().map(s -> ConcernView.StepView.of(s,
                hideRaiser && "RAISED".equals(s.action) || hideRaiser && "CHALLENGED".equals(s.action)
                        ? ConcernVisibility.WITHHELD : s.doneBy,
                who.belongsTo(s.organisation) || scope.shows(ConcernField.STEP_REASON) ? s.reason : null)).toList();
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(operationId = "acknowledgeConcern",
            summary = "Acknowledge a concern at the caller's step; the decision is then due within the response time",
            description = "Only the organisation and role that hold the concern's current step act on it. No body.")
    @APIResponse(responseCode = "200", description = "The acknowledged concern, in triage",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "403", description = NOT_AT_THIS_STEP)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Not awaiting acknowledgement")
    public ConcernView acknowledge(@PathParam("id") UUID id) {
        Caller who = caller.get();
        Concern concern = workflow.acknowledge(who, id);
        return ConcernView.of(concern, visibility.scope(who, concern));
    }

    @POST
    @Path("/{id}/triage")
    @RolesAllowed({Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(operationId = "triageConcern",
            summary = "Assess against the section 42 tests and decide: refer to the local authority, start an enquiry (local authority), or no further action with reasons",
            description = "Referring moves the concern to the local authority's officers; an enquiry (SECTION_42 needs "
                    + "all three tests met) is the local authority's alone; no further action closes the concern and "
                    + "needs reasons.")
    @APIResponse(responseCode = "200", description = "The concern after the decision",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named (reasons missing for no further action, "
            + "an enquiry type the tests do not allow)")
    @APIResponse(responseCode = "403", description = NOT_AT_THIS_STEP)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Not acknowledged yet")
    @APIResponse(responseCode = "422", description = "The decision is not open at this step (the local authority cannot "
            + "refer to itself; only the local authority starts an enquiry)")
    public ConcernView triage(@PathParam("id") UUID id, @NotNull @Valid Triage request) {
        Caller who = caller.get();
        var test = new ConcernWorkflow.Section42(request.section42().careAndSupportNeeds(),
                request.section42().experiencingOrAtRiskOfAbuse(), request.section42().unableToProtectThemselves());
        Concern concern = workflow.triage(who, id, test, request.decision(), request.enquiryType(), request.reasons());
        return ConcernView.of(concern, visibility.scope(who, concern));
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed(Roles.LA_SAFEGUARDING_OFFICER)
    @Operation(operationId = "recordConcernOutcome", summary = "Record the outcome of the enquiry (national outcome categories)",
            description = "For a concern under enquiry, by the local authority's safeguarding officers.")
    @APIResponse(responseCode = "200", description = "The concern with its outcome",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "403", description = NOT_AT_THIS_STEP)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Not under enquiry")
    public ConcernView outcome(@PathParam("id") UUID id, @NotNull @Valid Outcome request) {
        Caller who = caller.get();
        Concern concern = workflow.recordOutcome(who, id, request.outcome(), request.riskResult(), request.notes());
        return ConcernView.of(concern, visibility.scope(who, concern));
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed({Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(operationId = "closeConcern",
            summary = "Close the concern with reasons; closing without referral is shown to the raiser and the local authority",
            description = "An enquiry's outcome must be recorded first.")
    @APIResponse(responseCode = "200", description = "The closed concern",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing")
    @APIResponse(responseCode = "403", description = "Only the organisation and role responsible for the current step can close the concern")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Already closed, or an enquiry's outcome is not recorded yet")
    public ConcernView close(@PathParam("id") UUID id, @NotNull @Valid Reason request) {
        Caller who = caller.get();
        Concern concern = workflow.close(who, id, request.reason());
        return ConcernView.of(concern, visibility.scope(who, concern));
    }

    @POST
    @Path("/{id}/challenges")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY})
    @Operation(operationId = "challengeConcern",
            summary = "Professional challenge: the raiser escalates over whoever holds the concern, with a reason (also after closure)",
            description = "The concern moves to the next step of the escalation route; when it is already with the "
                    + "local authority, the challenge is recorded and the authority told.")
    @APIResponse(responseCode = "200", description = "The escalated concern",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing")
    @APIResponse(responseCode = "403", description = "Only the person who raised the concern can challenge its handling")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public ConcernView challenge(@PathParam("id") UUID id, @NotNull @Valid Reason request) {
        Caller who = caller.get();
        Concern concern = workflow.challenge(who, id, request.reason());
        return ConcernView.of(concern, visibility.scope(who, concern));
    }
}
