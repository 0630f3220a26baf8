package exchange.safeguarding.sharing.domain;

import exchange.safeguarding.kit.vocabulary.DataCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One read of an organisation's information about an adult by another organisation: who, which organisation, when,
 * which categories, under which decisions. Kept for the owner's data protection officer and Caldicott guardian, and
 * for the adult's subject access ("who has seen my information").
 */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    /** What was read. */
    public enum What {
        CONCERN, CONCERN_LIST, CHRONOLOGY, DISCLOSURE, SUBJECT_ACCESS_EXPORT
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String what;

    /** The organisation whose information it is: the concern's raiser, the disclosure's discloser. */
    @Column(name = "owner_organisation", nullable = false)
    public String ownerOrganisation;

    @Column(name = "reader_organisation", nullable = false)
    public String readerOrganisation;

    @Column(name = "reader_subject", nullable = false)
    public String readerSubject;

    @Column(name = "reader_name", nullable = false)
    public String readerName;

    @Column(name = "concern_id")
    public UUID concernId;

    @Column(name = "disclosure_id")
    public UUID disclosureId;

    @Column(name = "adult_person_id")
    public UUID adultPersonId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DataCategory> categories;

    /** The sharing decisions the read rests on. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<UUID> decisions;

    /** A read of a whistleblowing concern: not listed to the organisation it is about (decision 18). */
    @Column(nullable = false)
    public boolean confidential;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}
