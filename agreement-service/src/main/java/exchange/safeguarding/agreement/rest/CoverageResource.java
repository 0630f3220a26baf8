package exchange.safeguarding.agreement.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.agreement.service.AgreementAccess;
import exchange.safeguarding.agreement.service.AgreementCoverage;
import exchange.safeguarding.agreement.service.AgreementCoverage.Coverage;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.kit.problem.QueryValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

@Path("/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Information sharing agreements")
public class CoverageResource {

    private final AgreementCoverage coverage;
    private final AgreementAccess access;
    private final CurrentCaller caller;
    private final Clock clock;

    public CoverageResource(AgreementCoverage coverage, AgreementAccess access, CurrentCaller caller, Clock clock) {
        this.coverage = coverage;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.PLATFORM_SERVICE, Roles.SAFEGUARDING_LEAD,
            Roles.LA_SAFEGUARDING_OFFICER, Roles.LINE_MANAGER, Roles.PRACTITIONER, Roles.GATEWAY})
    @Operation(operationId = "checkCoverage",
            summary = "Is sharing from one organisation to another, for a purpose, of these categories, covered at a time? By which agreement version? If not, why not?",
            description = "Answers from the agreement versions in force at the time asked: the version that covers "
                    + "the sharing and its lawful basis, or the reasons it is not covered. Callers other than "
                    + "administrators, auditors and platform services ask only about their own organisation.")
    @APIResponse(responseCode = "200", description = "The answer, covered or not, with reasons",
            content = @Content(schema = @Schema(implementation = Coverage.class),
                    examples = @ExampleObject(name = "covered", value = ApiExamples.COVERAGE)))
    @APIResponse(responseCode = "400", description = "A missing or unknown parameter")
    @APIResponse(responseCode = "403", description = "Only administrators, auditors and platform services may ask about sharing between other organisations")
    public Coverage check(
            @Parameter(example = "MEADOWBANK-CARE") @QueryParam("from") @NotBlank String from,
            @Parameter(example = "NORTHSHIRE-ASC") @QueryParam("to") @NotBlank String to,
            @Parameter(description = "One of the agreement purposes", example = "COORDINATE_RESPONSES",
                    schema = @Schema(implementation = Purpose.class)) @QueryParam("purpose") String purpose,
            @Parameter(description = "A data category; repeat for each", example = "CONCERN_SUMMARY",
                    schema = @Schema(implementation = DataCategory.class)) @QueryParam("category")
            @Size(max = 20) List<String> categories,
            @Parameter(description = "ISO-8601 instant; now if absent", example = "2026-11-24T10:00:00Z",
                    schema = @Schema(format = "date-time", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)) @QueryParam("at")
            String at) {
        Caller who = caller.get();
        if (!access.readsAll(who) && !who.belongsTo(from) && !who.belongsTo(to)) {
            throw ProblemException.forbidden("You may ask only about sharing to or from your own organisation");
        }
        return coverage.check(from, to, QueryValues.enumValue(Purpose.class, purpose, "purpose"),
                EnumSet.copyOf(QueryValues.enumValues(DataCategory.class, categories, "category")),
                QueryValues.optionalInstant(at, "at").orElse(clock.instant()));
    }
}
