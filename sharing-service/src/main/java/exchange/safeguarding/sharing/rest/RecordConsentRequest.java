package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.sharing.domain.ConsentDecision;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(description = "An adult's consent decision about sharing their information")
public record RecordConsentRequest(
        @NotNull @Valid Adult adult,
        @NotNull ConsentDecision decision,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> purposes,
        @Size(max = 2000) @Schema(description = "How the decision was obtained", example = "In person, with an advocate present")
        String howObtained,
        @NotNull @Schema(description = "Whether the limits of confidentiality were explained to the adult")
        Boolean confidentialityLimitsExplained) {

    public record Adult(@NotBlank @Size(max = 200) String givenName,
                        @NotBlank @Size(max = 200) String familyName,
                        @Past LocalDate dateOfBirth) {
    }
}
