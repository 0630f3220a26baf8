package exchange.safeguarding.agreement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** A Standard Webhooks signing secret for an organisation's gateway, stored sealed. */
@Entity
@Table(name = "gateway_secret")
public class GatewaySecret extends PanacheEntityBase {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "sealed_secret", nullable = false)
    public String sealedSecret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Null while current; set when rotated out, after which receivers stop accepting it. */
    @Column(name = "not_after")
    public Instant notAfter;

    public boolean validAt(Instant at) {
        return notAfter == null || notAfter.isAfter(at);
    }

    /** A new secret in the Standard Webhooks form: {@code whsec_} and 32 random bytes in base64. */
    public static String newPlainSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
