package exchange.safeguarding.concern.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * One real person known to the platform (an adult at risk, or a person alleged to cause harm), matched
 * across agencies so their concerns link up. Identity only: what happened lives on the concerns.
 */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "nhs_number")
    public String nhsNumber;

    public String postcode;

    /** Normalised name, date of birth and postcode: the match when there is no NHS number. */
    @Column(name = "match_key")
    public String matchKey;

    /** Set when this record was found to be the same person as another. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Person of(String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber, String postcode,
                            Instant at) {
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.givenName = givenName;
        person.familyName = familyName;
        person.dateOfBirth = dateOfBirth;
        person.nhsNumber = NhsNumber.normalise(nhsNumber);
        person.postcode = postcode == null ? null : normalisePostcode(postcode);
        person.matchKey = matchKey(givenName, familyName, dateOfBirth, postcode);
        person.createdAt = at;
        return person;
    }

    /** Null unless name, date of birth and postcode are all known: fewer facts would link strangers. */
    public static String matchKey(String givenName, String familyName, LocalDate dateOfBirth, String postcode) {
        if (dateOfBirth == null || postcode == null || postcode.isBlank()) {
            return null;
        }
        return normaliseName(givenName) + "|" + normaliseName(familyName) + "|" + dateOfBirth + "|" + normalisePostcode(postcode);
    }

    static String normaliseName(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    public static String normalisePostcode(String postcode) {
        return postcode.toUpperCase(Locale.ROOT).replaceAll("\\s", "");
    }
}
