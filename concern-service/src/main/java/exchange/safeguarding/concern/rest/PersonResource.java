package exchange.safeguarding.concern.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
public class PersonResource {

    @Schema(description = "The record this one is the same person as", example = ApiExamples.MERGE)
    public record Merge(@NotNull UUID into, @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "Why the records are different people", example = ApiExamples.UNMERGE)
    public record Unmerge(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "A person record", example = ApiExamples.PERSON_REF)
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
    @Operation(operationId = "getChronology",
            summary = "The adult's chronology across agencies: what the caller may see, in time order",
            description = "Every step of every concern about the person (and the records merged into it) that the "
                    + "caller may see.")
    @APIResponse(responseCode = "200", description = "The chronology",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PersonRecords.ChronologyEntry.class),
                    examples = @ExampleObject(name = "chronology", value = ApiExamples.CHRONOLOGY)))
    @APIResponse(responseCode = "404", description = "No such person, or no concern about them is visible to the caller")
    public List<PersonRecords.ChronologyEntry> chronology(@PathParam("id") UUID id) {
        return records.chronology(caller.get(), id);
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({Roles.LA_SAFEGUARDING_OFFICER, Roles.SAFEGUARDING_LEAD})
    @Operation(operationId = "mergePersons",
            summary = "Record that two person records are the same person (kept as history; can be undone)",
            description = "Concerns about either record then show in one chronology.")
    @APIResponse(responseCode = "200", description = "The record both now resolve to",
            content = @Content(schema = @Schema(implementation = PersonRef.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named (a record cannot be merged into itself)")
    @APIResponse(responseCode = "404", description = "No such person, or no concern about them is visible to the caller")
    @APIResponse(responseCode = "409", description = "The two records are already one person")
    public PersonRef merge(@PathParam("id") UUID id, @NotNull @Valid Merge merge) {
        return new PersonRef(records.merge(caller.get(), id, merge.into(), merge.reason()).id);
    }

    @POST
    @Path("/{id}/unmerge")
    @RolesAllowed({Roles.LA_SAFEGUARDING_OFFICER, Roles.SAFEGUARDING_LEAD})
    @Operation(operationId = "unmergePersons", summary = "Undo a merge, with a reason",
            description = "The record stands on its own again; the merge stays in the history.")
    @APIResponse(responseCode = "200", description = "The record, on its own again",
            content = @Content(schema = @Schema(implementation = PersonRef.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing")
    @APIResponse(responseCode = "404", description = "No such person, or no concern about them is visible to the caller")
    @APIResponse(responseCode = "409", description = "The record is not merged into another")
    public PersonRef unmerge(@PathParam("id") UUID id, @NotNull @Valid Unmerge unmerge) {
        return new PersonRef(records.unmerge(caller.get(), id, unmerge.reason()).id);
    }
}
