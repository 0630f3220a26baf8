package exchange.safeguarding.concern.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A safeguarding concern about an adult at risk, owned by the organisation that raised it. */
@Entity
@Table(name = "concern")
public class Concern extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "raised_by", nullable = false)
    public String raisedBy;

    @Column(name = "raised_by_name", nullable = false)
    public String raisedByName;

    @Column(name = "adult_given_name", nullable = false)
    public String adultGivenName;

    @Column(name = "adult_family_name", nullable = false)
    public String adultFamilyName;

    @Column(nullable = false)
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConcernStatus status;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Version
    public long version;

    public static Concern raise(String organisation, String raisedBy, String raisedByName, String adultGivenName,
                                String adultFamilyName, String summary, Urgency urgency, Instant at) {
        Concern concern = new Concern();
        concern.id = UUID.randomUUID();
        concern.organisation = organisation;
        concern.raisedBy = raisedBy;
        concern.raisedByName = raisedByName;
        concern.adultGivenName = adultGivenName;
        concern.adultFamilyName = adultFamilyName;
        concern.summary = summary;
        concern.urgency = urgency;
        concern.status = ConcernStatus.RAISED;
        concern.raisedAt = at;
        return concern;
    }
}
