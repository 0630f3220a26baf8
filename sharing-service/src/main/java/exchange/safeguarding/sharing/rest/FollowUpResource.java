package exchange.safeguarding.sharing.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.QueryValues;
import exchange.safeguarding.sharing.domain.InformTask;
import exchange.safeguarding.sharing.domain.ReviewTask;
import exchange.safeguarding.sharing.repository.InformTaskRepository;
import exchange.safeguarding.sharing.repository.ReviewTaskRepository;
import exchange.safeguarding.sharing.rest.SharingRequestBodies.Exemption;
import exchange.safeguarding.sharing.rest.SharingRequestBodies.Informed;
import exchange.safeguarding.sharing.rest.SharingRequestBodies.Review;
import exchange.safeguarding.sharing.rest.SharingViews.InformTaskView;
import exchange.safeguarding.sharing.rest.SharingViews.ReviewTaskView;
import exchange.safeguarding.sharing.service.SharingFollowUps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** After sharing: telling the person (or recording why not), and reviewing emergency disclosures. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups: inform the person, emergency reviews")
public class FollowUpResource {

    private final SharingFollowUps followUps;
    private final InformTaskRepository informTasks;
    private final ReviewTaskRepository reviews;
    private final CurrentCaller caller;
    private final Clock clock;

    public FollowUpResource(SharingFollowUps followUps, InformTaskRepository informTasks, ReviewTaskRepository reviews,
                            CurrentCaller caller, Clock clock) {
        this.followUps = followUps;
        this.informTasks = informTasks;
        this.reviews = reviews;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("inform-the-person")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN,
            Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(operationId = "listInformTasks",
            summary = "Inform-the-person tasks of the caller's organisation; overdue=true lists those past due and still open",
            description = "After sharing without consent, the person is told (or a reason not to is recorded) by the due date.")
    @APIResponse(responseCode = "200", description = "The tasks",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = InformTaskView.class)))
    @APIResponse(responseCode = "400", description = "An unknown status")
    public List<InformTaskView> informTasks(@QueryParam("status") String status, @QueryParam("overdue") boolean overdue) {
        Instant now = clock.instant();
        InformTask.Status s = QueryValues.optionalEnum(InformTask.Status.class, status, "status").orElse(null);
        return informTasks.of(caller.get().organisation(), s, overdue ? now : null).stream()
                .map(t -> InformTaskView.of(t, now)).toList();
    }

    @POST
    @Path("inform-the-person/{id}/informed")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN,
            Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY})
    @Operation(operationId = "recordPersonInformed", summary = "Record that the person was told their information was shared, and how",
            description = "Closes the task; `informedAt` defaults to now.")
    @APIResponse(responseCode = "200", description = "The closed task",
            content = @Content(schema = @Schema(implementation = InformTaskView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "404", description = "No such task, or not the caller's organisation's")
    @APIResponse(responseCode = "409", description = "Already closed")
    public InformTaskView informed(@PathParam("id") UUID id, @NotNull @Valid Informed body) {
        return InformTaskView.of(followUps.informed(caller.get(), id, body.informedAt(), body.how()), clock.instant());
    }

    @POST
    @Path("inform-the-person/{id}/exemption")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(operationId = "recordInformExemption",
            summary = "Record that the person will not be told, because telling them would increase the risk",
            description = "Closes the task with the reason and its explanation.")
    @APIResponse(responseCode = "200", description = "The closed task",
            content = @Content(schema = @Schema(implementation = InformTaskView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "404", description = "No such task, or not the caller's organisation's")
    @APIResponse(responseCode = "409", description = "Already closed")
    public InformTaskView exempt(@PathParam("id") UUID id, @NotNull @Valid Exemption body) {
        return InformTaskView.of(followUps.exempt(caller.get(), id, body.reason(), body.explanation()), clock.instant());
    }

    @GET
    @Path("review-tasks")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN, Roles.LA_SAFEGUARDING_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listReviewTasks", summary = "Reviews of emergency disclosures made by the caller's organisation",
            description = "Each emergency disclosure is reviewed afterwards: was it appropriate?")
    @APIResponse(responseCode = "200", description = "The review tasks",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ReviewTaskView.class)))
    @APIResponse(responseCode = "400", description = "An unknown status")
    public List<ReviewTaskView> reviews(@QueryParam("status") String status) {
        ReviewTask.Status s = QueryValues.optionalEnum(ReviewTask.Status.class, status, "status").orElse(null);
        return reviews.of(caller.get().organisation(), s).stream().map(ReviewTaskView::of).toList();
    }

    @POST
    @Path("review-tasks/{id}/completion")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(operationId = "completeReviewTask", summary = "Record the review of an emergency disclosure",
            description = "Whether the disclosure was appropriate, with notes; closes the task.")
    @APIResponse(responseCode = "200", description = "The completed review",
            content = @Content(schema = @Schema(implementation = ReviewTaskView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "404", description = "No such task, or not the caller's organisation's")
    @APIResponse(responseCode = "409", description = "Already closed")
    public ReviewTaskView review(@PathParam("id") UUID id, @NotNull @Valid Review body) {
        return ReviewTaskView.of(followUps.reviewed(caller.get(), id, body.appropriate(), body.notes()));
    }
}
