package exchange.safeguarding.sharing.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.OrganisationGuard;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.idempotency.IdempotencyKey;
import exchange.safeguarding.kit.idempotency.IdempotencyKeys;
import exchange.safeguarding.kit.idempotency.KeyedRequest;
import exchange.safeguarding.kit.idempotency.RequestFingerprint;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.domain.ConsentRecord;
import exchange.safeguarding.sharing.repository.ConsentRecordRepository;
import exchange.safeguarding.sharing.repository.WithdrawalNoticeRepository;
import exchange.safeguarding.sharing.rest.SharingViews.WithdrawalNoticeView;
import exchange.safeguarding.sharing.service.ConsentRegister;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/consent-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent records")
public class ConsentRecordResource {


    private final ConsentRegister register;
    private final ConsentRecordRepository records;
    private final WithdrawalNoticeRepository notices;
    private final CurrentCaller caller;
    private final OrganisationGuard guard;
    private final RequestFingerprint fingerprint;

    public ConsentRecordResource(ConsentRegister register, ConsentRecordRepository records, WithdrawalNoticeRepository notices,
                                 CurrentCaller caller, OrganisationGuard guard, RequestFingerprint fingerprint) {
        this.fingerprint = fingerprint;
        this.register = register;
        this.records = records;
        this.notices = notices;
        this.caller = caller;
        this.guard = guard;
    }

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.GATEWAY})
    @Operation(operationId = "recordConsent",
            summary = "Record an adult's consent decision (given, refused, withdrawn, not sought, lacks capacity) for the caller's organisation",
            description = "Records are never changed: a withdrawal is a new record naming what it withdraws, and every "
                    + "organisation that received information under the withdrawn consent is told.")
    @APIResponse(responseCode = "201", description = "The record; `Location` names it. A repeat of an earlier request "
            + "with the same `Idempotency-Key` answers with the record that request made, and `Idempotent-Replayed: true`; "
            + "nothing is recorded or announced twice",
            headers = @Header(name = IdempotencyKey.REPLAYED, description = IdempotencyKey.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(schema = @Schema(implementation = ConsentRecordView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named (including what each decision requires, "
            + "and the Idempotency-Key)")
    @APIResponse(responseCode = "422", description = IdempotencyKey.REUSED)
    public Response record(@NotNull @Valid RecordConsentRequest request,
                           @HeaderParam(IdempotencyKey.HEADER) @Parameter(schema = @Schema(type = SchemaType.STRING,
                           pattern = IdempotencyKey.PATTERN, maxLength = 255), description = IdempotencyKey.DESCRIPTION,
                           example = IdempotencyKey.EXAMPLE) String idempotencyKey, UriInfo uri) {
        KeyedRequest keyed = fingerprint.keyed(idempotencyKey, request);
        var a = request.adult();
        var capacity = request.capacity() == null ? null : new ConsentRegister.Capacity(request.capacity().assessmentReference(),
                request.capacity().assessedOn(), request.capacity().bestInterestsDecision(), request.capacity().decidedBy(),
                request.capacity().deciderRole());
        IdempotencyKeys.Created<ConsentRecord> recorded = register.record(caller.get(), new ConsentRegister.NewConsent(
                new AdultReference(a.personId(), a.nhsNumber(), a.givenName(), a.familyName(), a.dateOfBirth()),
                request.decision(), request.purposes(), request.recipients(), request.recipientTypes(),
                request.dataCategories(), request.expiresOn(), request.notSoughtReason(), request.explanation(), capacity,
                request.withdraws(), request.howObtained(), request.confidentialityLimitsExplained()), keyed);
        ConsentRecord record = recorded.resource();
        var created = Response.created(uri.getAbsolutePathBuilder().path(record.id.toString()).build())
                .entity(ConsentRecordView.of(record));
        return (recorded.replayed() ? created.header(IdempotencyKey.REPLAYED, "true") : created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.DATA_PROTECTION_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(operationId = "getConsentRecord", summary = "Read one consent record held by the caller's organisation",
            description = "As JSON, or as an HL7 FHIR R4 `Consent` resource with `Accept: application/fhir+json`.")
    @APIResponse(responseCode = "200", description = "The record",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentRecordView.class)),
                    @Content(mediaType = ConsentFhir.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "An HL7 FHIR R4 Consent resource"),
                            examples = @ExampleObject(name = "fhir", value = ApiExamples.CONSENT_FHIR))})
    @APIResponse(responseCode = "404", description = "No such record, or not the caller's organisation's")
    public ConsentRecordView get(@PathParam("id") UUID id) {
        return ConsentRecordView.of(own(id));
    }

    @GET
    @Path("/{id}")
    @Produces(ConsentFhir.MEDIA_TYPE)
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.DATA_PROTECTION_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(hidden = true) // documented with getConsentRecord: the same path and method, another media type
    public ObjectNode fhir(@PathParam("id") UUID id) {
        return ConsentFhir.of(own(id));
    }

    @GET
    @Path("/{id}/withdrawal-notices")
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.DATA_PROTECTION_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(operationId = "listWithdrawalNotices",
            summary = "For a withdrawal: every organisation that had received information under the consent, and when it was told",
            description = "`toldAt` is when the recipient's gateway acknowledged the notice; null until then.")
    @APIResponse(responseCode = "200", description = "The notices",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WithdrawalNoticeView.class),
                    examples = @ExampleObject(name = "notices", value = ApiExamples.WITHDRAWAL_NOTICES)))
    @APIResponse(responseCode = "404", description = "No such record, or not the caller's organisation's")
    public List<WithdrawalNoticeView> notices(@PathParam("id") UUID id) {
        return notices.ofWithdrawal(own(id).id).stream().map(WithdrawalNoticeView::of).toList();
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
            Roles.CALDICOTT_GUARDIAN, Roles.DATA_PROTECTION_OFFICER, Roles.GATEWAY, Roles.AUDITOR})
    @Operation(operationId = "listConsentRecords",
            summary = "Consent records held by the caller's organisation, newest first; with personId or nhsNumber, one adult's history",
            description = "Paged with `page` (from 0) and `size` (1 to 200) when no adult is named.")
    @APIResponse(responseCode = "200", description = "The records",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ConsentRecordView.class)))
    @APIResponse(responseCode = "400", description = "A page below 0 or a size outside 1 to 200")
    public List<ConsentRecordView> list(@QueryParam("personId") UUID personId, @QueryParam("nhsNumber") String nhsNumber,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String org = caller.get().organisation();
        if (personId != null || nhsNumber != null) {
            return records.history(org, new AdultReference(personId, nhsNumber, null, null, null)).newestFirst().stream()
                    .map(ConsentRecordView::of).toList();
        }
        return records.heldBy(org, page, size).stream().map(ConsentRecordView::of).toList();
    }

    private ConsentRecord own(UUID id) {
        return guard.visible(caller.get(), records.findById(id), r -> r.organisation, "Consent record " + id);
    }
}
