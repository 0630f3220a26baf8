package exchange.safeguarding.concern.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernStep;
import exchange.safeguarding.concern.service.ConcernReadScope;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static exchange.safeguarding.concern.domain.ConcernField.*;

/**
 * A concern as the caller may see it. The raising organisation sees its own record (a whistleblower's identity withheld
 * from it); any other organisation sees the workflow facts and only the fields whose data category a sharing decision
 * released to it. A field it may not see is absent, and {@code access} says which categories were withheld and why.
 */
@Schema(description = "A concern as the caller may see it: fields of categories not released to the caller's "
        + "organisation are absent, and `access` names them", example = ApiExamples.CONCERN)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConcernView(UUID id, String organisation, String raisedBy, Adult adult, List<String> abuseTypes,
                          String locationType, String settingName, String sourceOfRisk, AllegedHarm personAllegedToCauseHarm,
                          String whatHappened, String immediateActions, String urgency, String viewsAndWishes,
                          String desiredOutcomes, String lackedCapacity, String capacitySupport,
                          Boolean emergencyServicesContacted, boolean whistleblowing, String status, String currentStep,
                          String ownerOrganisation, String localAuthority, Instant responseDueAt, Boolean section42Met,
                          String enquiryType, String outcome, String riskResult, Instant raisedAt, Instant closedAt,
                          String closureReason, boolean closedWithoutReferral, Access access) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adult(UUID personId, String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber,
                        String postcode) {
    }

    @Schema(name = "AllegedHarmView")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AllegedHarm(UUID personId, String givenName, String familyName, String relationship) {
    }

    @Schema(name = "ConcernAccess", description = "What the caller's organisation may read of the concern, and on what")
    public record Access(
            @Schema(description = "OWN_RECORD for the raising organisation; SHARING_DECISIONS for any other",
                    enumeration = {"OWN_RECORD", "SHARING_DECISIONS"}) String basis,
            @Schema(description = "The data categories shown") List<DataCategory> released,
            @Schema(description = "The categories withheld from the caller, each with why") List<WithheldCategory> withheld,
            @Schema(description = "The approved sharing decisions (sharing-service `/sharing-requests/{id}` of the "
                    + "raising organisation) the caller's reading rests on") List<UUID> decisions) {
    }

    @Schema(name = "ConcernWithheldCategory")
    public record WithheldCategory(DataCategory category, String reason) {
    }

    @Schema(name = "ConcernStep", description = "One step of a concern's handling: who did what, at which step, when and why")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(String action, String step, String organisation, String doneBy, Instant doneAt, String reason) {
        static StepView of(ConcernStep s, String doneBy, String reason) {
            return new StepView(s.action, s.step == null ? null : s.step.name(), s.organisation, doneBy, s.doneAt, reason);
        }
    }

    static ConcernView of(Concern c, ConcernReadScope s) {
        Adult adult = new Adult(s.value(ADULT_PERSON_ID, c), s.value(ADULT_GIVEN_NAME, c), s.value(ADULT_FAMILY_NAME, c),
                s.value(ADULT_DATE_OF_BIRTH, c), s.value(ADULT_NHS_NUMBER, c), s.value(ADULT_POSTCODE, c));
        AllegedHarm alleged = c.pahPersonId == null && c.pahFamilyName == null ? null
                : new AllegedHarm(s.value(PAH_PERSON_ID, c), s.value(PAH_GIVEN_NAME, c), s.value(PAH_FAMILY_NAME, c),
                s.value(PAH_RELATIONSHIP, c));
        return new ConcernView(c.id, c.organisation, s.value(RAISED_BY, c),
                adult.equals(new Adult(null, null, null, null, null, null)) ? null : adult,
                s.value(ABUSE_TYPES, c), name(s.value(LOCATION_TYPE, c)), s.value(SETTING_NAME, c),
                name(s.value(SOURCE_OF_RISK, c)), s.shows(PAH_PERSON_ID) ? alleged : null,
                s.value(WHAT_HAPPENED, c), s.value(IMMEDIATE_ACTIONS, c), c.urgency.name(),
                s.value(VIEWS_AND_WISHES_FIELD, c), s.value(DESIRED_OUTCOMES, c), name(s.value(LACKED_CAPACITY, c)),
                s.value(CAPACITY_SUPPORT, c), s.value(EMERGENCY_SERVICES_CONTACTED, c), c.whistleblowing, c.status.name(),
                name(c.currentStep), c.ownerOrganisation, c.localAuthority, c.responseDueAt, s.value(SECTION_42_MET, c),
                c.enquiryType, s.value(OUTCOME, c), s.value(RISK_RESULT, c), c.raisedAt, c.closedAt,
                s.value(CLOSURE_REASON, c), c.closedWithoutReferral,
                new Access(s.ownRecord() ? "OWN_RECORD" : "SHARING_DECISIONS", s.released().stream().sorted().toList(),
                        s.withheld().stream().map(w -> new WithheldCategory(w.category(), w.reason())).toList(),
                        s.decisions()));
    }

    private static String name(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
