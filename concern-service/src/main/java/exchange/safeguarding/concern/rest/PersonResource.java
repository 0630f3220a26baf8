package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.service.PersonRecords;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Adults and persons alleged to cause harm")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "404", description = "No such person, or no concern about them is visible to the caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PersonResource {

    public record Merge(@NotNull UUID into, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Unmerge(@NotBlank @Size(max = 2000) String reason) {
    }

    public record PersonRef(UUID personId) {
    }

    private final PersonRecords records;
    private final CurrentCaller caller;

    public PersonResource(PersonRecords records, CurrentCaller caller) {
        this.records = records;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/chronology")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The adult's chronology across agencies: what the caller may see, in time order")
    public List<PersonRecords.ChronologyEntry> chronology(@PathParam("id") UUID id) {
        return records.chronology(caller.get(), id);
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({Roles.LA_SAFEGUARDING_OFFICER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "Record that two person records are the same person (kept as history; can be undone)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PersonRef.class)))
    public PersonRef merge(@PathParam("id") UUID id, @NotNull @Valid Merge merge) {
        return new PersonRef(records.merge(caller.get(), id, merge.into(), merge.reason()).id);
    }

    @POST
    @Path("/{id}/unmerge")
    @RolesAllowed({Roles.LA_SAFEGUARDING_OFFICER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "Undo a merge, with a reason")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PersonRef.class)))
    public PersonRef unmerge(@PathParam("id") UUID id, @NotNull @Valid Unmerge unmerge) {
        return new PersonRef(records.unmerge(caller.get(), id, unmerge.reason()).id);
    }
}
