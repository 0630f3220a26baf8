package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.Problem;
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
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "404", description = "No such task, or not the caller's organisation's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Already closed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @Operation(summary = "Inform-the-person tasks of the caller's organisation; overdue=true lists those past due and still open")
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
    @Operation(summary = "Record that the person was told their information was shared, and how")
    public InformTaskView informed(@PathParam("id") UUID id, @NotNull @Valid Informed body) {
        return InformTaskView.of(followUps.informed(caller.get(), id, body.informedAt(), body.how()), clock.instant());
    }

    @POST
    @Path("inform-the-person/{id}/exemption")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(summary = "Record that the person will not be told, because telling them would increase the risk")
    public InformTaskView exempt(@PathParam("id") UUID id, @NotNull @Valid Exemption body) {
        return InformTaskView.of(followUps.exempt(caller.get(), id, body.reason(), body.explanation()), clock.instant());
    }

    @GET
    @Path("review-tasks")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN, Roles.LA_SAFEGUARDING_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Reviews of emergency disclosures made by the caller's organisation")
    public List<ReviewTaskView> reviews(@QueryParam("status") String status) {
        ReviewTask.Status s = QueryValues.optionalEnum(ReviewTask.Status.class, status, "status").orElse(null);
        return reviews.of(caller.get().organisation(), s).stream().map(ReviewTaskView::of).toList();
    }

    @POST
    @Path("review-tasks/{id}/completion")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.CALDICOTT_GUARDIAN, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(summary = "Record the review of an emergency disclosure")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReviewTaskView.class)))
    public ReviewTaskView review(@PathParam("id") UUID id, @NotNull @Valid Review body) {
        return ReviewTaskView.of(followUps.reviewed(caller.get(), id, body.appropriate(), body.notes()));
    }
}
