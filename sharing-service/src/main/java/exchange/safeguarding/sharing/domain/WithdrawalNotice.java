package exchange.safeguarding.sharing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An organisation that received information under a consent later withdrawn, and when it was told. */
@Entity
@Table(name = "withdrawal_notice")
public class WithdrawalNotice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "withdrawal_id", nullable = false, updatable = false)
    public UUID withdrawalId;

    @Column(name = "consent_id", nullable = false, updatable = false)
    public UUID consentId;

    @Column(name = "disclosure_id", nullable = false, updatable = false)
    public UUID disclosureId;

    @Column(nullable = false, updatable = false)
    public String recipient;

    /** The CloudEvent that tells the recipient; notification-service reports its delivery by this id. */
    @Column(name = "event_id", nullable = false, updatable = false)
    public String eventId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "told_at")
    public Instant toldAt;
}
