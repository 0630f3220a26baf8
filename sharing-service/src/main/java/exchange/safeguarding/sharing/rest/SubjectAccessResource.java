package exchange.safeguarding.sharing.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import com.fasterxml.jackson.databind.ObjectMapper;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.rest.SharingViews.DisclosureView;
import exchange.safeguarding.sharing.rest.SharingViews.InformTaskView;
import exchange.safeguarding.sharing.rest.SharingViews.SharingRequestView;
import exchange.safeguarding.sharing.service.SubjectAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/subject-access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subject access")
public class SubjectAccessResource {

    @Schema(description = "Everything about one adult, for a subject access request", example = ApiExamples.SUBJECT_ACCESS)
    public record SubjectAccessExport(SharingViews.Adult adult, String organisation, Instant exportedAt, String exportedBy,
                                      List<ConsentRecordView> consentHistory, List<SharingRequestView> decisions,
                                      List<DisclosureView> disclosures, List<InformTaskView> informThePerson,
                                      @Schema(description = "Who has seen the organisation's information about the adult: "
                                              + "every read by another organisation, with the categories and decisions")
                                      List<SharingViews.AccessLogView> seenBy) {
    }

    private final SubjectAccess subjectAccess;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public SubjectAccessResource(SubjectAccess subjectAccess, CurrentCaller caller, ObjectMapper json) {
        this.subjectAccess = subjectAccess;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.DATA_PROTECTION_OFFICER, Roles.CALDICOTT_GUARDIAN})
    @Operation(operationId = "exportSubjectAccess",
            summary = "Everything the caller's organisation decided, disclosed or received about one adult, with the consent history",
            description = "Identify the adult by `personId`, `nhsNumber`, or `givenName`, `familyName` and `dateOfBirth`. "
                    + "Disclosures carry their data as released.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(schema = @Schema(implementation = SubjectAccessExport.class)))
    @APIResponse(responseCode = "400", description = "The adult is not identified, or a parameter is invalid")
    public SubjectAccessExport export(@QueryParam("personId") UUID personId,
                                      @QueryParam("nhsNumber") @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String nhsNumber,
                                      @QueryParam("givenName") String givenName, @QueryParam("familyName") String familyName,
                                      @QueryParam("dateOfBirth") @Past LocalDate dateOfBirth) {
        AdultReference adult = new AdultReference(personId, nhsNumber, givenName, familyName, dateOfBirth);
        if (!adult.identifiable()) {
            throw ProblemException.invalid("personId", "identify the adult by personId, nhsNumber, or givenName, familyName and dateOfBirth");
        }
        var export = subjectAccess.export(caller.get(), adult);
        Instant now = export.exportedAt();
        return new SubjectAccessExport(new SharingViews.Adult(personId, nhsNumber, givenName, familyName, dateOfBirth),
                export.organisation(), now, export.exportedBy(),
                export.consentHistory().stream().map(ConsentRecordView::of).toList(),
                export.decisions().stream().map(SharingRequestView::of).toList(),
                export.disclosures().stream().map(d -> DisclosureView.withData(d, json)).toList(),
                export.informThePerson().stream().map(t -> InformTaskView.of(t, now)).toList(),
                export.seenBy().stream().map(SharingViews.AccessLogView::of).toList());
    }
}
