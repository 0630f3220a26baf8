package exchange.safeguarding.concern.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import exchange.safeguarding.concern.service.ConcernReplicaFacts;
import exchange.safeguarding.concern.service.DisclosureExtracts;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.QueryValues;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * For sharing-service only (client-credentials token with the platform-service role): the exact data it
 * is about to disclose. Agencies never call this; they read disclosures made to them in sharing-service.
 */
@Path("/extracts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Disclosure extracts (platform services only)")
@RolesAllowed(Roles.PLATFORM_SERVICE)
public class DisclosureExtractResource {

    private final DisclosureExtracts extracts;
    private final ConcernReplicaFacts replicaFacts;

    public DisclosureExtractResource(DisclosureExtracts extracts, ConcernReplicaFacts replicaFacts) {
        this.extracts = extracts;
        this.replicaFacts = replicaFacts;
    }

    @GET
    @Path("/concerns/{id}/replica")
    @Operation(operationId = "concernReplicaFacts",
            summary = "The routing facts sharing-service keeps of a concern, and the organisations it has reached",
            description = "For sharing-service, when a caller shares about a concern it has just raised or been sent "
                    + "before the concern's events have reached sharing-service. Identifiers and routing facts only.")
    @APIResponse(responseCode = "200", description = "The concern's routing facts",
            content = @Content(schema = @Schema(implementation = ConcernReplicaFacts.Facts.class),
                    examples = @ExampleObject(name = "facts", value = ApiExamples.REPLICA_FACTS)))
    @APIResponse(responseCode = "404", description = "No such concern")
    public ConcernReplicaFacts.Facts replica(@PathParam("id") UUID id) {
        return replicaFacts.of(id);
    }

    @GET
    @Path("/concerns/{id}")
    @Operation(operationId = "extractConcern", summary = "The requested data categories of one concern, keyed by category",
            description = "For sharing-service, which discloses exactly these after a sharing decision. Absent values "
                    + "are left out; a category the service holds nothing of is an empty object.")
    @APIResponse(responseCode = "200", description = "The extract, keyed by data category",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "extract", value = ApiExamples.CONCERN_EXTRACT)))
    @APIResponse(responseCode = "400", description = "No category, or an unknown one")
    @APIResponse(responseCode = "404", description = "No such concern")
    public Map<String, Object> concern(@PathParam("id") UUID id, @QueryParam("category") List<String> categories) {
        return extracts.ofConcern(id, categories(categories));
    }

    @GET
    @Path("/persons/{id}")
    @Operation(operationId = "extractPerson",
            summary = "The requested data categories of one adult without a concern (identity and contact only)",
            description = "For sharing-service. Categories other than IDENTITY and CONTACT live on concerns, so they are empty.")
    @APIResponse(responseCode = "200", description = "The extract, keyed by data category",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "extract", value = ApiExamples.PERSON_EXTRACT)))
    @APIResponse(responseCode = "400", description = "No category, or an unknown one")
    @APIResponse(responseCode = "404", description = "No such person")
    public Map<String, Object> person(@PathParam("id") UUID id, @QueryParam("category") List<String> categories) {
        return extracts.ofPerson(id, categories(categories));
    }

    private static List<DataCategory> categories(List<String> values) {
        return QueryValues.enumValues(DataCategory.class, values, "category");
    }
}
