package exchange.safeguarding.concern.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A pattern across concerns that may reveal abuse no single agency could see, sent to the local
 * authority and tracked to a decision. While open, later concerns of the same pattern join it.
 */
@Entity
@Table(name = "pattern_alert")
public class PatternAlert extends PanacheEntityBase {

    public enum Rule {
        /** Concerns about one adult from several organisations. */
        SAME_ADULT,
        /** One person alleged to cause harm named in concerns about different adults: others at risk. */
        OTHERS_AT_RISK,
        /** Several concerns about one care setting: possible organisational abuse. */
        ORGANISATIONAL
    }

    public enum Status {
        OPEN, DECIDED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rule rule;

    /** What the pattern is about: the adult's or alleged person's id, or the setting's key. */
    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(name = "local_authority")
    public String localAuthority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "concern_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] concernIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(64)[]")
    public String[] organisations;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public String decision;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Adds concerns and organisations; true when anything new joined. */
    public boolean join(List<UUID> concerns, List<String> organisationCodes, Instant at) {
        Set<UUID> ids = new LinkedHashSet<>(List.of(concernIds));
        Set<String> orgs = new LinkedHashSet<>(List.of(organisations));
        boolean changed = ids.addAll(concerns) | orgs.addAll(organisationCodes);
        concernIds = ids.toArray(UUID[]::new);
        organisations = orgs.toArray(String[]::new);
        if (changed) {
            updatedAt = at;
        }
        return changed;
    }
}
