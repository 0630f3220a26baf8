package exchange.safeguarding.agreement.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.agreement.repository.OrganisationChangeRepository;
import exchange.safeguarding.agreement.repository.OrganisationRepository;
import exchange.safeguarding.agreement.rest.OrganisationRequests.ChangeView;
import exchange.safeguarding.agreement.rest.OrganisationRequests.ConfigureGateway;
import exchange.safeguarding.agreement.rest.OrganisationRequests.GatewayView;
import exchange.safeguarding.agreement.rest.OrganisationRequests.OrganisationView;
import exchange.safeguarding.agreement.rest.OrganisationRequests.Reason;
import exchange.safeguarding.agreement.rest.OrganisationRequests.RegisterOrganisation;
import exchange.safeguarding.agreement.rest.OrganisationRequests.SafeguardingSetup;
import exchange.safeguarding.agreement.rest.OrganisationRequests.UpdateOrganisation;
import exchange.safeguarding.agreement.service.GatewayClientProvisioning;
import exchange.safeguarding.agreement.service.GatewayClientProvisioning.GatewayCredentials;
import exchange.safeguarding.agreement.service.OrganisationAccess;
import exchange.safeguarding.agreement.service.OrganisationRegistry;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OrganisationResource {

    private final OrganisationRegistry registry;
    private final OrganisationRepository organisations;
    private final OrganisationChangeRepository changes;
    private final GatewayClientProvisioning provisioning;
    private final CurrentCaller caller;
    private final OrganisationAccess access;
    private final Clock clock;

    public OrganisationResource(OrganisationRegistry registry, OrganisationRepository organisations,
                                OrganisationChangeRepository changes, GatewayClientProvisioning provisioning,
                                CurrentCaller caller, OrganisationAccess access, Clock clock) {
        this.registry = registry;
        this.organisations = organisations;
        this.changes = changes;
        this.provisioning = provisioning;
        this.caller = caller;
        this.access = access;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "registerOrganisation",
            summary = "Register a partner organisation; its gateway client is then provisioned in the identity provider",
            description = "The organisation starts INCOMPLETE: it becomes active once its safeguarding set-up is "
                    + "complete. Its gateway client (`gateway-<code in lower case>`) is provisioned in the background; "
                    + "`gatewayClient.status` turns PROVISIONED.")
    @APIResponse(responseCode = "201", description = "The organisation; `Location` names it",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response register(@NotNull @Valid RegisterOrganisation request, UriInfo uri) {
        Organisation organisation = registry.register(caller.get(), request.code(), request.name(), request.type(),
                request.areaServed());
        return Response.created(uri.getAbsolutePathBuilder().path(organisation.code).build()).entity(view(organisation)).build();
    }

    @GET
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD,
            Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.PLATFORM_SERVICE})
    @Operation(operationId = "listOrganisations",
            summary = "List organisations: all for administrators and auditors, otherwise the caller's own",
            description = "Ordered by code.")
    @APIResponse(responseCode = "200", description = "The organisations the caller may see",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrganisationView.class)))
    public List<OrganisationView> list() {
        Caller who = caller.get();
        if (access.readsAll(who)) {
            return organisations.allByCode().stream().map(this::view).toList();
        }
        Organisation own = organisations.findById(who.organisation());
        return own == null ? List.of() : List.of(view(own));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD,
            Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY, Roles.PLATFORM_SERVICE})
    @Operation(operationId = "getOrganisation", summary = "Read one organisation, with what keeps it from being active",
            description = "Administrators, auditors and platform services read any organisation; others only their own.")
    @APIResponse(responseCode = "200", description = "The organisation",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "404", description = "No such organisation, or not visible to the caller")
    public OrganisationView get(@PathParam("code") String code) {
        return view(access.readable(caller.get(), code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "updateOrganisation", summary = "Change an organisation's registered details",
            description = "Name, type and area served; the change is recorded and announced to the other services.")
    @APIResponse(responseCode = "200", description = "The organisation with its new details",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "404", description = "No such organisation")
    public OrganisationView update(@PathParam("code") String code, @NotNull @Valid UpdateOrganisation request) {
        return view(registry.updateDetails(caller.get(), code, request.name(), request.type(), request.areaServed()));
    }

    @PUT
    @Path("/{code}/safeguarding-setup")
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.SAFEGUARDING_LEAD})
    @Operation(operationId = "setUpSafeguarding",
            summary = "Set the safeguarding lead, whistleblowing policy and escalation route (an organisation's own safeguarding lead, or an administrator)",
            description = "Each part given replaces the one recorded. The organisation becomes ACTIVE when all three "
                    + "are complete and current; `missing` says what is not.")
    @APIResponse(responseCode = "200", description = "The organisation, with its status and anything still missing",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "404", description = "No such organisation, or not the caller's")
    public OrganisationView setUp(@PathParam("code") String code, @NotNull @Valid SafeguardingSetup request) {
        return view(registry.updateSafeguardingSetup(caller.get(), code, request.toDomain()));
    }

    @POST
    @Path("/{code}/suspension")
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "suspendOrganisation",
            summary = "Suspend an organisation: it stops being active and its gateway client is disabled",
            description = "While suspended it is not party to sharing; the reason is recorded.")
    @APIResponse(responseCode = "200", description = "The suspended organisation",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing")
    @APIResponse(responseCode = "404", description = "No such organisation")
    @APIResponse(responseCode = "409", description = "Already suspended")
    public OrganisationView suspend(@PathParam("code") String code, @NotNull @Valid Reason reason) {
        return view(registry.suspend(caller.get(), code, reason.reason()));
    }

    @POST
    @Path("/{code}/reinstatement")
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "reinstateOrganisation", summary = "Reinstate a suspended organisation and re-enable its gateway client",
            description = "It is active again if its safeguarding set-up is complete and current.")
    @APIResponse(responseCode = "200", description = "The reinstated organisation",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing")
    @APIResponse(responseCode = "404", description = "No such organisation")
    @APIResponse(responseCode = "409", description = "Not suspended")
    public OrganisationView reinstate(@PathParam("code") String code, @NotNull @Valid Reason reason) {
        return view(registry.reinstate(caller.get(), code, reason.reason()));
    }

    @GET
    @Path("/{code}/history")
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.SAFEGUARDING_LEAD})
    @Operation(operationId = "getOrganisationHistory", summary = "Who changed what and when",
            description = "Every change to the organisation, oldest first. Safeguarding leads see their own organisation's.")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ChangeView.class),
                    examples = @ExampleObject(name = "history", value = ApiExamples.ORGANISATION_CHANGES)))
    @APIResponse(responseCode = "404", description = "No such organisation, or not visible to the caller")
    public List<ChangeView> history(@PathParam("code") String code) {
        access.readable(caller.get(), code);
        return changes.of(code).stream().map(ChangeView::of).toList();
    }

    @PUT
    @Path("/{code}/gateway")
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.SAFEGUARDING_LEAD})
    @Operation(operationId = "configureGateway",
            summary = "Set the gateway that receives the organisation's webhooks; the first time, issues its signing secret (shown once)",
            description = "The URL must be HTTPS (plain HTTP only to a loopback address, where the service allows it). "
                    + "A later call changes the address and keeps the secret.")
    @APIResponse(responseCode = "200", description = "The gateway; `signingSecret` only when one was issued now",
            content = @Content(schema = @Schema(implementation = GatewayView.class)))
    @APIResponse(responseCode = "400", description = "Not an acceptable URL")
    @APIResponse(responseCode = "404", description = "No such organisation, or not the caller's")
    public GatewayView configureGateway(@PathParam("code") String code, @NotNull @Valid ConfigureGateway request) {
        return GatewayView.of(registry.configureGateway(caller.get(), code, request.url()));
    }

    @POST
    @Path("/{code}/gateway/secret-rotations")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.SAFEGUARDING_LEAD})
    @Operation(operationId = "rotateGatewaySecret",
            summary = "Issue a new signing secret (shown once); the previous one keeps signing for the overlap period",
            description = "Webhooks carry signatures by both secrets during the overlap (a day by default), so the "
                    + "gateway can switch without losing any.")
    @APIResponse(responseCode = "200", description = "The gateway with its new signing secret",
            content = @Content(schema = @Schema(implementation = GatewayView.class)))
    @APIResponse(responseCode = "404", description = "No such organisation, or not the caller's")
    @APIResponse(responseCode = "422", description = "No gateway is configured yet")
    public GatewayView rotateSecret(@PathParam("code") String code) {
        return GatewayView.of(registry.rotateSecret(caller.get(), code));
    }

    @POST
    @Path("/{code}/gateway-client/credentials")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "issueGatewayClientCredentials",
            summary = "Issue (or re-issue) the client secret of the organisation's gateway client in the identity provider; shown once",
            description = "Each call replaces the previous secret: the gateway must use the new one from now on.")
    @APIResponse(responseCode = "200", description = "The client id and its new secret",
            content = @Content(schema = @Schema(implementation = GatewayCredentials.class),
                    examples = @ExampleObject(name = "credentials", value = ApiExamples.GATEWAY_CREDENTIALS)))
    @APIResponse(responseCode = "404", description = "No such organisation")
    @APIResponse(responseCode = "409", description = "The gateway client is not provisioned and enabled yet")
    public GatewayCredentials issueCredentials(@PathParam("code") String code) {
        Caller who = caller.get();
        return provisioning.issueCredentials(who, access.manageable(who, code));
    }

    private OrganisationView view(Organisation organisation) {
        return OrganisationView.of(organisation, LocalDate.ofInstant(clock.instant(), clock.getZone()));
    }
}
