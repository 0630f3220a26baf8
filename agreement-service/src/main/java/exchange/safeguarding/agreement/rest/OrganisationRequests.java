package exchange.safeguarding.agreement.rest;

import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.agreement.domain.OrganisationType;
import exchange.safeguarding.agreement.service.OrganisationRegistry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the organisation API. */
public final class OrganisationRequests {

    private OrganisationRequests() {
    }

    public record RegisterOrganisation(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,63}", message = "must be 2-64 upper-case letters, digits or hyphens")
            @Schema(description = "Unique code; the ODS code for NHS bodies where there is one", example = "MEADOWBANK-CARE")
            String code,
            @NotBlank @Size(max = 300) @Schema(example = "Meadowbank Care Ltd") String name,
            @NotNull OrganisationType type) {
    }

    public record ConfigureGateway(
            @NotBlank @Size(max = 2000) @Schema(description = "HTTPS endpoint of the agency's gateway that receives signed webhooks",
                    example = "https://gateway.meadowbank-care.example/safeguarding/webhooks")
            String url) {
    }

    @Schema(description = "A partner organisation. Signing secrets are never returned here.")
    public record OrganisationView(String code, String name, OrganisationType type, String gatewayUrl,
                                   Instant createdAt, Instant updatedAt) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.code, o.name, o.type, o.gatewayUrl, o.createdAt, o.updatedAt);
        }
    }

    @Schema(description = "The gateway and, when one was issued now, its signing secret: shown this once only")
    public record GatewayView(String organisation, String url, UUID secretId,
                              @Schema(description = "Standard Webhooks secret (whsec_...); store it now, it is never shown again")
                              String signingSecret) {
        static GatewayView of(OrganisationRegistry.GatewaySetting setting) {
            return new GatewayView(setting.organisation(), setting.url(),
                    setting.issued().map(OrganisationRegistry.IssuedSecret::id).orElse(null),
                    setting.issued().map(OrganisationRegistry.IssuedSecret::secret).orElse(null));
        }
    }
}
