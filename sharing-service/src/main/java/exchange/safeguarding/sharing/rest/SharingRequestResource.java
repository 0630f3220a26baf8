package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.sharing.domain.EmergencyJustification;
import exchange.safeguarding.kit.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.idempotency.IdempotencyKey;
import exchange.safeguarding.kit.idempotency.RequestFingerprint;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import exchange.safeguarding.kit.problem.QueryValues;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.domain.Outcome;
import exchange.safeguarding.sharing.repository.DecisionChallengeRepository;
import exchange.safeguarding.sharing.repository.SharingRequestRepository;
import exchange.safeguarding.sharing.rest.SharingRequestBodies.Approval;
import exchange.safeguarding.sharing.rest.SharingRequestBodies.NewSharingRequest;
import exchange.safeguarding.sharing.rest.SharingRequestBodies.Reason;
import exchange.safeguarding.sharing.rest.SharingRequestBodies.Resolution;
import exchange.safeguarding.sharing.rest.SharingViews.ChallengeView;
import exchange.safeguarding.sharing.rest.SharingViews.SharingRequestView;
import exchange.safeguarding.sharing.service.SharingRequests;
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

@Path("/sharing-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sharing requests and decisions")
public class SharingRequestResource {


    private final SharingRequests sharing;
    private final SharingRequestRepository requests;
    private final DecisionChallengeRepository challenges;
    private final CurrentCaller caller;
    private final RequestFingerprint fingerprint;

    public SharingRequestResource(SharingRequests sharing, SharingRequestRepository requests,
                                  DecisionChallengeRepository challenges, CurrentCaller caller, RequestFingerprint fingerprint) {
        this.fingerprint = fingerprint;
        this.sharing = sharing;
        this.requests = requests;
        this.challenges = challenges;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.GATEWAY})
    @Operation(operationId = "requestSharing",
            summary = "Ask to share with another organisation; the decision (approved, refused or pending approval) comes back with every reason",
            description = "Decided at once against the agreement replica, the adult's consent, any ground for sharing "
                    + "without consent, the lawful basis and data minimisation; each check is a reason. Without "
                    + "consent, a safeguarding lead or Caldicott guardian approves (an emergency is approved at once "
                    + "and reviewed afterwards). What is approved is disclosed as an exact snapshot.")
    @APIResponse(responseCode = "201", description = "Decided (whatever the outcome, the decision is recorded); `Location` "
            + "names it. A repeat of an earlier request with the same `Idempotency-Key` answers with the decision that "
            + "request got, and `Idempotent-Replayed: true`; nothing is decided or disclosed twice",
            headers = @Header(name = IdempotencyKey.REPLAYED, description = IdempotencyKey.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(schema = @Schema(implementation = SharingRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named (the recipient, the adult's identity, a "
            + "justification for sharing without consent, the Idempotency-Key)")
    @APIResponse(responseCode = "404", description = "The concern named does not exist")
    @APIResponse(responseCode = "422", description = "The caller's organisation is not a registered partner organisation, "
            + "or the Idempotency-Key was already used by it for a different request")
    public Response request(@NotNull @Valid NewSharingRequest body,
                            @HeaderParam(IdempotencyKey.HEADER) @Parameter(schema = @Schema(type = SchemaType.STRING,
                            pattern = IdempotencyKey.PATTERN, maxLength = 255), description = IdempotencyKey.DESCRIPTION,
                            example = IdempotencyKey.EXAMPLE) String idempotencyKey, UriInfo uri) {
        var requested = sharing.request(caller.get(), toRequest(body), fingerprint.keyed(idempotencyKey, body));
        var r = requested.resource();
        var created = Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build()).entity(SharingRequestView.of(r));
        return (requested.replayed() ? created.header(IdempotencyKey.REPLAYED, "true") : created).build();
    }

    @POST
    @Path("/preview")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.GATEWAY})
    @Operation(operationId = "previewSharing",
            summary = "Dry run: the decision the request would get now, with every reason; nothing is recorded or shared",
            description = "The same checks as a request.")
    @APIResponse(responseCode = "200", description = "The decision it would get",
            content = @Content(schema = @Schema(implementation = SharingRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "404", description = "The concern named does not exist")
    @APIResponse(responseCode = "422", description = "The caller's organisation is not a registered partner organisation")
    public SharingRequestView preview(@NotNull @Valid NewSharingRequest body) {
        return SharingRequestView.of(sharing.preview(caller.get(), toRequest(body)));
    }

    private static SharingRequests.NewRequest toRequest(NewSharingRequest body) {
        var a = body.adult();
        var adult = a == null ? null : new AdultReference(a.personId(), a.nhsNumber(), a.givenName(), a.familyName(), a.dateOfBirth());
        var why = body.emergencyJustification();
        return new SharingRequests.NewRequest(body.recipient(), adult, body.concernId(),
                body.purpose(), body.dataCategories(), body.emergency(), body.ground(), body.justification(),
                body.publicInterest() == null ? null : body.publicInterest().toDomain(),
                body.legalDuty() == null ? null : new exchange.safeguarding.sharing.domain.LegalDuty(body.legalDuty().type(),
                        body.legalDuty().reference()),
                why == null ? null : new EmergencyJustification(why.threat(),
                        why.whyItCouldNotWait()), null);
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(operationId = "listSharingRequests",
            summary = "The caller's organisation's requests, newest first; outcome=PENDING_APPROVAL lists the approval queue",
            description = "Paged with `page` (from 0) and `size` (1 to 200). `emergency=true` lists every emergency use by "
                    + "the organisation's staff and its concerns' routing, honoured or not, for its safeguarding lead and "
                    + "Caldicott guardian.")
    @APIResponse(responseCode = "200", description = "One page of requests",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SharingRequestView.class)))
    @APIResponse(responseCode = "400", description = "An unknown outcome, a page below 0 or a size outside 1 to 200")
    public List<SharingRequestView> list(@QueryParam("outcome") String outcome,
                                         @QueryParam("emergency") @Parameter(description = "`true`: emergencies only",
                                                 schema = @Schema(type = SchemaType.BOOLEAN)) String emergency,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String filter = QueryValues.optionalEnum(Outcome.class, outcome, "outcome").map(Enum::name).orElse(null);
        if (QueryValues.optionalBoolean(emergency, "emergency").orElse(false)) {
            if (filter != null) {
                throw ProblemException.invalid("outcome", "is not combined with emergency=true");
            }
            return requests.emergenciesBy(caller.get().organisation(), page, size).stream().map(SharingRequestView::of).toList();
        }
        return requests.madeBy(caller.get().organisation(), filter, page, size).stream().map(SharingRequestView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(operationId = "getSharingRequest", summary = "One request and its decision",
            description = "Visible to the requesting organisation and the recipient.")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(schema = @Schema(implementation = SharingRequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or not visible to the caller's organisation")
    public SharingRequestView get(@PathParam("id") UUID id) {
        return SharingRequestView.of(sharing.visible(caller.get(), id));
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN})
    @Operation(operationId = "approveSharing",
            summary = "Approve sharing without consent (not by the requester); the facts are checked again first",
            description = "The body (an optional note) may be left out.")
    @APIResponse(responseCode = "200", description = "The request, decided again",
            content = @Content(schema = @Schema(implementation = SharingRequestView.class)))
    @APIResponse(responseCode = "400", description = "The note is too long")
    @APIResponse(responseCode = "404", description = "No such request, or not visible to the caller's organisation")
    @APIResponse(responseCode = "409", description = "Not awaiting approval")
    @APIResponse(responseCode = "422", description = "The approver asked for it")
    public SharingRequestView approve(@PathParam("id") UUID id, @Valid Approval body) {
        return SharingRequestView.of(sharing.approve(caller.get(), id, body == null ? null : body.note()));
    }

    @POST
    @Path("/{id}/refusal")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN})
    @Operation(operationId = "refuseSharing", summary = "Decide not to share, with reasons (the decision can be challenged)",
            description = "For a request awaiting approval.")
    @APIResponse(responseCode = "200", description = "The refused request",
            content = @Content(schema = @Schema(implementation = SharingRequestView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing")
    @APIResponse(responseCode = "404", description = "No such request, or not visible to the caller's organisation")
    @APIResponse(responseCode = "409", description = "Not awaiting approval")
    public SharingRequestView refuse(@PathParam("id") UUID id, @NotNull @Valid Reason body) {
        return SharingRequestView.of(sharing.refuse(caller.get(), id, body.reason()));
    }

    @POST
    @Path("/{id}/challenges")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.GATEWAY})
    @Operation(operationId = "challengeSharingDecision", summary = "Challenge a decision not to share, with reasons",
            description = "A safeguarding lead or Caldicott guardian resolves the challenge.")
    @APIResponse(responseCode = "201", description = "The challenge; `Location` names it",
            content = @Content(schema = @Schema(implementation = ChallengeView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing")
    @APIResponse(responseCode = "404", description = "No such request, or not visible to the caller's organisation")
    @APIResponse(responseCode = "409", description = "Only a decision not to share can be challenged")
    public Response challenge(@PathParam("id") UUID id, @NotNull @Valid Reason body, UriInfo uri) {
        var c = sharing.challenge(caller.get(), id, body.reason());
        return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build()).entity(ChallengeView.of(c)).build();
    }

    @GET
    @Path("/{id}/challenges")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(operationId = "listSharingChallenges", summary = "Challenges of this decision",
            description = "Oldest first, with their resolutions.")
    @APIResponse(responseCode = "200", description = "The challenges",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ChallengeView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or not visible to the caller's organisation")
    public List<ChallengeView> challenges(@PathParam("id") UUID id) {
        var r = sharing.visible(caller.get(), id);
        return challenges.of(r.id).stream().map(ChallengeView::of).toList();
    }

    @POST
    @Path("/{id}/challenges/{challengeId}/resolution")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN})
    @Operation(operationId = "resolveSharingChallenge",
            summary = "Resolve a challenge; upheld, the request is decided again on today's facts",
            description = "Dismissed, the decision stands; the resolution is recorded either way.")
    @APIResponse(responseCode = "200", description = "The request after the resolution",
            content = @Content(schema = @Schema(implementation = SharingRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "404", description = "No such request or challenge, or not visible to the caller's organisation")
    @APIResponse(responseCode = "409", description = "The challenge was already resolved")
    public SharingRequestView resolve(@PathParam("id") UUID id, @PathParam("challengeId") UUID challengeId,
                                      @NotNull @Valid Resolution body) {
        return SharingRequestView.of(sharing.resolve(caller.get(), id, challengeId, body.upheld(), body.reason()));
    }
}
