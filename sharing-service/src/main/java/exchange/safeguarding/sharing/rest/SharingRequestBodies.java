package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.sharing.domain.Ground;
import exchange.safeguarding.sharing.domain.InformTask;
import exchange.safeguarding.sharing.domain.LegalDuty;
import exchange.safeguarding.sharing.domain.PublicInterestBalancing;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the sharing API. */
public final class SharingRequestBodies {

    private SharingRequestBodies() {
    }

    @Schema(description = "Who the adult is: the platform person id, an NHS number, or name and date of birth")
    public record AdultIdentity(UUID personId,
                                @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String nhsNumber,
                                @Size(max = 200) String givenName,
                                @Size(max = 200) String familyName,
                                @jakarta.validation.constraints.Past LocalDate dateOfBirth) {
    }

    @Schema(description = "Balancing the public interest in sharing against the duty of confidentiality")
    public record Balancing(@NotBlank @Size(max = 2000) String crimeOrHarmToPrevent,
                            @NotNull Boolean seriousCrime,
                            @NotNull PublicInterestBalancing.Likelihood likelihoodOfHarm,
                            @Size(max = 2000) String harmIfNotShared,
                            @NotNull Boolean consentSought,
                            @NotNull Boolean lessIntrusiveMeansConsidered,
                            @NotNull Boolean publicInterestOutweighsConfidentiality) {
        PublicInterestBalancing toDomain() {
            return new PublicInterestBalancing(crimeOrHarmToPrevent, seriousCrime, likelihoodOfHarm, harmIfNotShared,
                    consentSought, lessIntrusiveMeansConsidered, publicInterestOutweighsConfidentiality);
        }
    }

    @Schema(description = "Why an emergency could not wait", example = ApiExamples.EMERGENCY_JUSTIFICATION)
    public record EmergencyWhy(
            @NotBlank @Size(min = 20, max = 2000) @Schema(description = "The threat to life or of serious harm")
            String threat,
            @NotBlank @Size(min = 20, max = 2000) @Schema(description = "Why neither the adult's consent nor an "
                    + "approver could be waited for") String whyItCouldNotWait) {
    }

    public record Duty(@NotNull LegalDuty.Type type, @NotBlank @Size(max = 200) String reference) {
    }

    @Schema(description = "A request to share information about an adult with another organisation",
            example = ApiExamples.NEW_SHARING_REQUEST)
    public record NewSharingRequest(
            @NotBlank @Size(max = 64) @Schema(description = "Receiving organisation's code") String recipient,
            @Valid AdultIdentity adult,
            @Schema(description = "The concern this is about, if any") UUID concernId,
            @NotNull Purpose purpose,
            @NotEmpty @Size(max = 20) List<@NotNull DataCategory> dataCategories,
            @Schema(description = "Emergency or threat to life: approved at once and reviewed afterwards, but only for the "
                    + "local authority or an emergency service serving the adult's area (an NHS trust only under an "
                    + "agreement for PREVENT_DEATH_OR_SERIOUS_HARM), and only for the emergency categories; anything "
                    + "else asked as an emergency is decided as an ordinary request") boolean emergency,
            @Valid @Schema(description = "Required with emergency: the threat, and why consent or approval could not wait")
            EmergencyWhy emergencyJustification,
            @Schema(description = "Ground for sharing without consent, if consent does not cover it") Ground ground,
            @Size(max = 4000) @Schema(description = "Required with a ground, and for emergencies") String justification,
            @Valid @Schema(description = "Required for SERIOUS_CRIME_PUBLIC_INTEREST") Balancing publicInterest,
            @Valid @Schema(description = "Required for LEGAL_DUTY") Duty legalDuty) {
    }

    @Schema(description = "An optional note with the approval", example = ApiExamples.APPROVAL)
    public record Approval(@Size(max = 4000) String note) {
    }

    @Schema(description = "Why", example = ApiExamples.REASON)
    public record Reason(@NotBlank @Size(max = 4000) String reason) {
    }

    @Schema(description = "Whether the challenge is upheld, and why", example = ApiExamples.RESOLUTION)
    public record Resolution(@NotNull Boolean upheld, @NotBlank @Size(max = 4000) String reason) {
    }

    @Schema(description = "When and how the person was told", example = ApiExamples.INFORMED)
    public record Informed(@PastOrPresent Instant informedAt, @NotBlank @Size(max = 2000) String how) {
    }

    @Schema(description = "Why the person will not be told", example = ApiExamples.EXEMPTION)
    public record Exemption(@NotNull InformTask.ExemptionReason reason, @NotBlank @Size(max = 4000) String explanation) {
    }

    @Schema(description = "The review's conclusion", example = ApiExamples.REVIEW)
    public record Review(@NotNull Boolean appropriate, @NotBlank @Size(max = 4000) String notes) {
    }
}
