package exchange.safeguarding.agreement.domain.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Senior sign-off by one party: who signed, in what role, when. */
@Entity
@Table(name = "agreement_signature")
public class AgreementSignature extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "version_id", nullable = false)
    public UUID versionId;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "signatory_name", nullable = false)
    public String signatoryName;

    @Column(name = "signatory_role", nullable = false)
    public String signatoryRole;

    /** The account that recorded the signature. */
    @Column(name = "signed_by", nullable = false)
    public String signedBy;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;
}
