package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.sharing.domain.ConsentDecision;
import exchange.safeguarding.sharing.domain.NotSoughtReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "An adult's consent decision about sharing their information, or why consent is not the basis",
        example = ApiExamples.RECORD_CONSENT)
public record RecordConsentRequest(
        @NotNull @Valid Adult adult,
        @NotNull ConsentDecision decision,
        @Size(max = 20) @Schema(description = "The purposes the decision is about (not needed when withdrawing a named consent)")
        List<@NotNull Purpose> purposes,
        @Size(max = 50) @Schema(description = "GIVEN: organisations (codes) that may receive")
        List<@NotBlank @Size(max = 64) String> recipients,
        @Size(max = 20) @Schema(description = "GIVEN: or any organisation of these types, e.g. POLICE")
        List<@NotBlank @Size(max = 60) String> recipientTypes,
        @Size(max = 20) @Schema(description = "GIVEN: what may be shared") List<@NotNull DataCategory> dataCategories,
        @Schema(description = "GIVEN: the last day the consent holds") LocalDate expiresOn,
        @Schema(description = "NOT_SOUGHT: why") NotSoughtReason notSoughtReason,
        @Size(max = 4000) String explanation,
        @Valid @Schema(description = "LACKS_CAPACITY: the assessment and the best-interests decision") Capacity capacity,
        @Schema(description = "WITHDRAWN: the consent withdrawn; omitted, every consent in force for the purposes is withdrawn")
        UUID withdraws,
        @Size(max = 2000) @Schema(description = "How the decision was obtained", example = "In person, with an advocate present")
        String howObtained,
        @NotNull @Schema(description = "Whether the limits of confidentiality were explained to the adult")
        Boolean confidentialityLimitsExplained) {

    @Schema(name = "ConsentAdult", description = "The adult the consent record is about")
    public record Adult(UUID personId,
                        @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String nhsNumber,
                        @NotBlank @Size(max = 200) String givenName,
                        @NotBlank @Size(max = 200) String familyName,
                        @Past LocalDate dateOfBirth) {
    }

    @Schema(name = "CapacityAssessment", description = "The capacity assessment and the best-interests decision")
    public record Capacity(@NotBlank @Size(max = 200) String assessmentReference,
                           @PastOrPresent LocalDate assessedOn,
                           @NotBlank @Size(max = 4000) String bestInterestsDecision,
                           @NotBlank @Size(max = 200) String decidedBy,
                           @Size(max = 200) String deciderRole) {
    }
}
