package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.domain.AbuseType;
import exchange.safeguarding.concern.domain.CapacityAnswer;
import exchange.safeguarding.concern.domain.LocationType;
import exchange.safeguarding.concern.domain.SourceOfRisk;
import exchange.safeguarding.concern.domain.Urgency;
import exchange.safeguarding.concern.domain.NhsNumber;
import exchange.safeguarding.concern.service.ConcernIntake;
import exchange.safeguarding.concern.service.PersonMatching;
import exchange.safeguarding.kit.problem.Problem;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@Schema(description = "A safeguarding concern about an adult at risk", example = ApiExamples.RAISE_CONCERN)
public record RaiseConcernRequest(
        @NotNull @Valid Person adult,
        @NotEmpty @Size(max = 11) @Schema(description = "Types of abuse or neglect; several allowed") Set<@NotNull AbuseType> abuseTypes,
        @Valid Location location,
        SourceOfRisk sourceOfRisk,
        @Valid AllegedHarm personAllegedToCauseHarm,
        @NotBlank @Size(max = 8000) @Schema(description = "What happened, in the raiser's words",
                example = "Bruising on both forearms; says a visitor grabbed her.") String whatHappened,
        @Size(max = 4000) @Schema(example = "Visitor asked to leave; GP informed") String immediateActions,
        @NotNull @Schema(description = "EMERGENCY goes straight to the safeguarding lead, the local authority and emergency services; LOW_LEVEL is recorded and counted, not routed")
        Urgency urgency,
        @Size(max = 4000) @Schema(description = "The adult's views and wishes (Making Safeguarding Personal)") String viewsAndWishes,
        @Size(max = 4000) @Schema(description = "The outcomes the adult wants") String desiredOutcomes,
        @Valid Capacity capacity,
        @Schema(description = "Whether emergency services were contacted") boolean emergencyServicesContacted,
        @Valid Whistleblowing whistleblowing) {

    @Schema(name = "PersonInput", description = "An adult or a person alleged to cause harm, as the raiser knows them")
    public record Person(
            @NotBlank @Size(max = 200) @Schema(example = "Edith") String givenName,
            @NotBlank @Size(max = 200) @Schema(example = "Clarke") String familyName,
            @Past @Schema(example = "1941-03-02") LocalDate dateOfBirth,
            @Size(max = 14) @Schema(description = "Ten digits with a valid Modulus 11 check digit", example = "9434765919") String nhsNumber,
            @Pattern(regexp = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", message = "must be a UK postcode")
            @Schema(example = "NS1 4AB") String postcode) {

        PersonMatching.Identity toIdentity(String field, List<Problem.FieldError> errors) {
            String nhs = nhsNumber == null || nhsNumber.isBlank() ? null : nhsNumber;
            if (nhs != null && !NhsNumber.valid(nhs)) {
                errors.add(new Problem.FieldError(field + ".nhsNumber", "must be ten digits with a valid check digit"));
            }
            return new PersonMatching.Identity(givenName, familyName, dateOfBirth, nhs, postcode);
        }
    }

    /** The concern in domain terms, after the checks bean validation cannot express (NHS check digits). */
    ConcernIntake.NewConcern toDomain() {
        List<Problem.FieldError> errors = new ArrayList<>();
        PersonMatching.Identity adultIdentity = adult.toIdentity("adult", errors);
        ConcernIntake.AllegedHarm alleged = personAllegedToCauseHarm == null ? null : new ConcernIntake.AllegedHarm(
                personAllegedToCauseHarm.person().toIdentity("personAllegedToCauseHarm.person", errors),
                personAllegedToCauseHarm.relationship());
        if (whistleblowing != null && whistleblowing.implicatesSafeguardingLead() && !whistleblowing.aboutOwnOrganisation()) {
            errors.add(new Problem.FieldError("whistleblowing.implicatesSafeguardingLead",
                    "applies only to a concern about the raiser's own organisation"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ConcernIntake.NewConcern(adultIdentity, abuseTypes, location == null ? null : location.type(),
                location == null ? null : location.settingName(), sourceOfRisk, alleged, whatHappened, immediateActions,
                urgency, viewsAndWishes, desiredOutcomes, capacity == null ? null : capacity.lackedCapacity(),
                capacity == null ? null : capacity.supportedBy(), emergencyServicesContacted,
                whistleblowing != null && whistleblowing.aboutOwnOrganisation(),
                whistleblowing != null && whistleblowing.implicatesSafeguardingLead());
    }

    public record Location(
            @NotNull LocationType type,
            @Size(max = 300) @Schema(description = "The named setting, e.g. a care home", example = "Meadowbank House") String settingName) {
    }

    @Schema(name = "AllegedHarmInput", description = "A person alleged to cause harm")
    public record AllegedHarm(@NotNull @Valid Person person,
                              @Size(max = 200) @Schema(example = "Visitor (nephew)") String relationship) {
    }

    public record Capacity(@NotNull CapacityAnswer lackedCapacity,
                           @Size(max = 200) @Schema(description = "If so, who supported the adult (advocate, family, friend)") String supportedBy) {
    }

    public record Whistleblowing(
            @Schema(description = "The concern is about the raiser's own organisation or manager") boolean aboutOwnOrganisation,
            @Schema(description = "The organisation's safeguarding lead is implicated, so must not be told") boolean implicatesSafeguardingLead) {
    }
}
