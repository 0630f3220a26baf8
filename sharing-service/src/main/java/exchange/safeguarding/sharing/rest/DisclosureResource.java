package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.sharing.domain.AccessLogEntry;
import exchange.safeguarding.sharing.service.AccessLog;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.kit.problem.QueryValues;
import exchange.safeguarding.sharing.domain.Disclosure;
import exchange.safeguarding.sharing.repository.DisclosureRepository;
import exchange.safeguarding.sharing.rest.SharingViews.DisclosureView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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
import java.util.UUID;

/** Disclosures: the recipient reads what was shared with it; the discloser sees what it sent, and when. */
@Path("/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Disclosures")
@RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
        Roles.CALDICOTT_GUARDIAN, Roles.GATEWAY, Roles.AUDITOR})
public class DisclosureResource {

    public enum Direction {
        RECEIVED, SENT
    }

    private final DisclosureRepository disclosures;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final AccessLog accessLog;

    public DisclosureResource(DisclosureRepository disclosures, CurrentCaller caller, ObjectMapper json, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.disclosures = disclosures;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Operation(operationId = "listDisclosures",
            summary = "Disclosures received by (default) or sent by the caller's organisation, newest first",
            description = "`direction` is RECEIVED or SENT; paged with `page` (from 0) and `size` (1 to 200). The data "
                    + "itself is only in each disclosure's own record, for the recipient.")
    @APIResponse(responseCode = "200", description = "One page of disclosures",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DisclosureView.class)))
    @APIResponse(responseCode = "400", description = "An unknown direction, a page below 0 or a size outside 1 to 200")
    public List<DisclosureView> list(@QueryParam("direction") String direction,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String org = caller.get().organisation();
        Direction d = QueryValues.optionalEnum(Direction.class, direction, "direction").orElse(Direction.RECEIVED);
        List<Disclosure> found = d == Direction.RECEIVED ? disclosures.receivedBy(org, page, size) : disclosures.madeBy(org, page, size);
        // Reading what another organisation disclosed is on the discloser's access log.
        accessLog.disclosuresRead(caller.get(), found, AccessLogEntry.What.DISCLOSURE);
        return found.stream().map(x -> view(x, org)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDisclosure", summary = "One disclosure; the recipient sees the data exactly as released",
            description = "`snapshotSha256` is the hash of the data as released, also in the decision log.")
    @APIResponse(responseCode = "200", description = "The disclosure",
            content = @Content(schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "404", description = "No such disclosure, or not made by or to the caller's organisation")
    public DisclosureView get(@PathParam("id") UUID id) {
        String org = caller.get().organisation();
        Disclosure d = disclosures.findById(id);
        boolean recipient = d != null && d.recipient.equals(org) && d.status == Disclosure.Status.MADE;
        if (d == null || !(recipient || d.organisation.equals(org))) {
            throw ProblemException.notFound("Disclosure " + id);
        }
        accessLog.disclosuresRead(caller.get(), List.of(d), AccessLogEntry.What.DISCLOSURE);
        return view(d, org);
    }

    private DisclosureView view(Disclosure d, String org) {
        return d.recipient.equals(org) ? DisclosureView.withData(d, json) : DisclosureView.of(d, false, null);
    }
}
