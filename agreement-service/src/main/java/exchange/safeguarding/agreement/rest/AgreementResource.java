package exchange.safeguarding.agreement.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import exchange.safeguarding.agreement.domain.agreement.AgreementVersion;
import exchange.safeguarding.agreement.domain.agreement.SharingAgreement;
import exchange.safeguarding.agreement.repository.AgreementChangeRepository;
import exchange.safeguarding.agreement.repository.AgreementSignatureRepository;
import exchange.safeguarding.agreement.repository.AgreementVersionRepository;
import exchange.safeguarding.agreement.repository.SharingAgreementRepository;
import exchange.safeguarding.agreement.rest.AgreementRequests.Reason;
import exchange.safeguarding.agreement.rest.AgreementRequests.Signature;
import exchange.safeguarding.agreement.rest.AgreementRequests.Terms;
import exchange.safeguarding.agreement.rest.AgreementViews.AgreementView;
import exchange.safeguarding.agreement.rest.AgreementViews.ChangeView;
import exchange.safeguarding.agreement.rest.AgreementViews.VersionView;
import exchange.safeguarding.agreement.service.AgreementAccess;
import exchange.safeguarding.agreement.service.AgreementActivation;
import exchange.safeguarding.agreement.service.AgreementLifecycle;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Information sharing agreements")
public class AgreementResource {

    private static final String AGREEMENT_NOT_FOUND =
            "No such agreement or version, or the caller's organisation is not party to it";

    private static final String[] READERS = {Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.PLATFORM_SERVICE,
            Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.LINE_MANAGER, Roles.PRACTITIONER, Roles.GATEWAY};

    private final AgreementLifecycle lifecycle;
    private final AgreementAccess access;
    private final AgreementActivation activation;
    private final SharingAgreementRepository agreements;
    private final AgreementVersionRepository versions;
    private final AgreementSignatureRepository signatures;
    private final AgreementChangeRepository changes;
    private final CurrentCaller caller;

    public AgreementResource(AgreementLifecycle lifecycle, AgreementAccess access, AgreementActivation activation,
                             SharingAgreementRepository agreements, AgreementVersionRepository versions,
                             AgreementSignatureRepository signatures, AgreementChangeRepository changes, CurrentCaller caller) {
        this.lifecycle = lifecycle;
        this.access = access;
        this.activation = activation;
        this.agreements = agreements;
        this.versions = versions;
        this.signatures = signatures;
        this.changes = changes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "draftAgreement", summary = "Draft a new information sharing agreement (version 1)",
            description = "Creates the agreement and its first version as a DRAFT. The terms are checked as a whole: "
                    + "at least two active parties, and a lawful basis for each purpose that fits its data categories "
                    + "(Article 9 and Schedule 1 conditions for special category data, Article 10 for criminal "
                    + "offence information). Each party then signs; the last signature brings it into force on its "
                    + "effective date.")
    @APIResponse(responseCode = "201", description = "The draft; `Location` names the new agreement",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms, each field named (including the lawful-basis rules)")
    public Response draft(@NotNull @Valid Terms terms, UriInfo uri) {
        AgreementVersion version = lifecycle.draft(caller.get(), terms.toDomain());
        return Response.created(uri.getAbsolutePathBuilder().path(version.agreementId.toString()).build())
                .entity(view(version)).build();
    }

    @GET
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.PLATFORM_SERVICE, Roles.SAFEGUARDING_LEAD,
            Roles.LA_SAFEGUARDING_OFFICER, Roles.LINE_MANAGER, Roles.PRACTITIONER, Roles.GATEWAY})
    @Operation(operationId = "listAgreements",
            summary = "List agreements: all for administrators and auditors, otherwise those the caller's organisation is party to",
            description = "Each agreement with every one of its versions, oldest first.")
    @APIResponse(responseCode = "200", description = "The agreements the caller may see",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AgreementView.class)))
    public List<AgreementView> list() {
        Caller who = caller.get();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<AgreementVersion> visible = access.readsAll(who) ? versions.listAll() : versions.naming(who.organisation());
            Map<UUID, List<AgreementVersion>> byAgreement = new LinkedHashMap<>();
            visible.stream().sorted(Comparator.comparing((AgreementVersion v) -> v.agreementId).thenComparingInt(v -> v.version))
                    .forEach(v -> byAgreement.computeIfAbsent(v.agreementId, k -> new java.util.ArrayList<>()).add(v));
            return byAgreement.keySet().stream().map(id -> agreementView(agreements.findById(id))).toList();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.PLATFORM_SERVICE, Roles.SAFEGUARDING_LEAD,
            Roles.LA_SAFEGUARDING_OFFICER, Roles.LINE_MANAGER, Roles.PRACTITIONER, Roles.GATEWAY})
    @Operation(operationId = "getAgreement", summary = "One agreement with every version, earlier versions unchanged",
            description = "Administrators, auditors and platform services read any agreement; others only those "
                    + "their organisation is party to.")
    @APIResponse(responseCode = "200", description = "The agreement",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "404", description = AGREEMENT_NOT_FOUND)
    public AgreementView get(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return QuarkusTransaction.requiringNew().call(() -> agreementView(access.readable(who, id)));
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.PLATFORM_SERVICE, Roles.SAFEGUARDING_LEAD,
            Roles.LA_SAFEGUARDING_OFFICER, Roles.LINE_MANAGER, Roles.PRACTITIONER, Roles.GATEWAY})
    @Operation(operationId = "getAgreementVersion", summary = "One version: its terms, signatures, status and what it is waiting for",
            description = "`waitingFor` lists what keeps a signed version from coming into force (a signature, its "
                    + "effective date).")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "The version number is below 1")
    @APIResponse(responseCode = "404", description = AGREEMENT_NOT_FOUND)
    public VersionView version(@PathParam("id") UUID id, @PathParam("version") @Min(1) int number) {
        Caller who = caller.get();
        return QuarkusTransaction.requiringNew().call(() -> {
            access.readable(who, id);
            return view(versions.version(id, number)
                    .orElseThrow(() -> ProblemException.notFound("Version " + number + " of agreement " + id)));
        });
    }

    @PUT
    @Path("/{id}/versions/{version}")
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "editAgreementDraft", summary = "Rewrite a draft version's terms (only before anyone has signed it)",
            description = "Replaces the terms of a DRAFT version, checked as when drafting. Once a party has signed, "
                    + "the terms are frozen: amend the agreement instead.")
    @APIResponse(responseCode = "200", description = "The version with its new terms",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms, each field named")
    @APIResponse(responseCode = "404", description = AGREEMENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The version's terms are frozen")
    public VersionView editDraft(@PathParam("id") UUID id, @PathParam("version") @Min(1) int number, @NotNull @Valid Terms terms) {
        return view(lifecycle.editDraft(caller.get(), id, number, terms.toDomain()));
    }

    @POST
    @Path("/{id}/versions/{version}/signatures")
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.SAFEGUARDING_LEAD})
    @Operation(operationId = "signAgreementVersion",
            summary = "Sign a version for the caller's organisation; the last signature may bring it into force",
            description = "Each party signs once, for its own organisation. When every party has signed, the version "
                    + "becomes SIGNED and comes into force (ACTIVE) on its effective date, superseding the version in force.")
    @APIResponse(responseCode = "200", description = "The version with the new signature",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "The signatory's name or role is missing")
    @APIResponse(responseCode = "403", description = "The caller's organisation is not a party to this version")
    @APIResponse(responseCode = "404", description = AGREEMENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Already signed by this organisation, or not open for signature")
    public VersionView sign(@PathParam("id") UUID id, @PathParam("version") @Min(1) int number, @NotNull @Valid Signature signature) {
        return view(lifecycle.sign(caller.get(), id, number, signature.signatoryName(), signature.signatoryRole()));
    }

    @POST
    @Path("/{id}/amendments")
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "amendAgreement",
            summary = "Amend: draft the next version; the version in force stays in force until the new one is active",
            description = "Drafts version n+1 with new terms, checked as when drafting. It goes through signatures "
                    + "like the first version.")
    @APIResponse(responseCode = "201", description = "The new draft version; `Location` names it",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms, each field named")
    @APIResponse(responseCode = "404", description = AGREEMENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "A draft is already open, or the agreement was terminated")
    public Response amend(@PathParam("id") UUID id, @NotNull @Valid Terms terms, UriInfo uri) {
        AgreementVersion version = lifecycle.amend(caller.get(), id, terms.toDomain());
        return Response.created(uri.getBaseUriBuilder().path("agreements").path(id.toString()).path("versions")
                .path(String.valueOf(version.version)).build()).entity(view(version)).build();
    }

    @POST
    @Path("/{id}/suspension")
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "suspendAgreement", summary = "Suspend the version in force: it stops covering sharing until resumed",
            description = "The reason is recorded and sent to every party.")
    @APIResponse(responseCode = "200", description = "The suspended version",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing")
    @APIResponse(responseCode = "404", description = AGREEMENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "No version is in force")
    public VersionView suspend(@PathParam("id") UUID id, @NotNull @Valid Reason reason) {
        return view(lifecycle.suspend(caller.get(), id, reason.reason()));
    }

    @POST
    @Path("/{id}/resumption")
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "resumeAgreement", summary = "Resume a suspended version",
            description = "The version covers sharing again from now; the reason is recorded.")
    @APIResponse(responseCode = "200", description = "The version, in force again",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing")
    @APIResponse(responseCode = "404", description = AGREEMENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "No version is suspended")
    public VersionView resume(@PathParam("id") UUID id, @NotNull @Valid Reason reason) {
        return view(lifecycle.resume(caller.get(), id, reason.reason()));
    }

    @POST
    @Path("/{id}/termination")
    @RolesAllowed(Roles.PROTOCOL_ADMIN)
    @Operation(operationId = "terminateAgreement", summary = "Terminate the agreement: every version not already ended ends now",
            description = "Terminating is final: to share again, draft a new agreement.")
    @APIResponse(responseCode = "200", description = "The agreement with its ended versions",
            content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing")
    @APIResponse(responseCode = "404", description = AGREEMENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The agreement has already ended")
    public AgreementView terminate(@PathParam("id") UUID id, @NotNull @Valid Reason reason) {
        Caller who = caller.get();
        lifecycle.terminate(who, id, reason.reason());
        return QuarkusTransaction.requiringNew().call(() -> agreementView(agreements.findById(id)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(operationId = "getAgreementHistory", summary = "Who changed what and when",
            description = "Every change to the agreement and its versions, oldest first.")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ChangeView.class),
                    examples = @ExampleObject(name = "history", value = ApiExamples.AGREEMENT_CHANGES)))
    @APIResponse(responseCode = "404", description = AGREEMENT_NOT_FOUND)
    public List<ChangeView> history(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return QuarkusTransaction.requiringNew().call(() -> {
            access.readable(who, id);
            return changes.of(id).stream().map(ChangeView::of).toList();
        });
    }

    private AgreementView agreementView(SharingAgreement agreement) {
        return new AgreementView(agreement.id, agreement.reference, agreement.createdAt, agreement.createdBy,
                versions.versionsOf(agreement.id).stream().map(v -> view(agreement, v)).toList());
    }

    private VersionView view(AgreementVersion version) {
        return QuarkusTransaction.requiringNew().call(() -> view(agreements.findById(version.agreementId),
                versions.findById(version.id)));
    }

    private VersionView view(SharingAgreement agreement, AgreementVersion version) {
        return VersionView.of(agreement, version, signatures.of(version.id), activation.waitingFor(version));
    }
}
