package exchange.safeguarding.sharing.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * How an adult is recognised across records: the platform person id (from concern-service), the NHS
 * number, or name and date of birth. Any one that both records carry must agree.
 */
public record AdultReference(UUID personId, String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth) {

    public boolean identifiable() {
        return personId != null || nhsNumber != null || (familyName != null && givenName != null && dateOfBirth != null);
    }

    public boolean matches(ConsentRecord r) {
        return matches(new AdultReference(r.adultPersonId, r.adultNhsNumber, r.adultGivenName, r.adultFamilyName,
                r.adultDateOfBirth));
    }

    public boolean matches(SharingRequest r) {
        return matches(new AdultReference(r.adultPersonId, r.adultNhsNumber, r.adultGivenName, r.adultFamilyName,
                r.adultDateOfBirth));
    }

    /** The strongest identifier both carry decides: person id, then NHS number, then name and date of birth. */
    public boolean matches(AdultReference other) {
        if (personId != null && other.personId != null) {
            return personId.equals(other.personId);
        }
        if (nhsNumber != null && other.nhsNumber != null) {
            return nhsNumber.equals(other.nhsNumber);
        }
        return familyName != null && givenName != null && dateOfBirth != null
                && familyName.equalsIgnoreCase(other.familyName) && givenName.equalsIgnoreCase(other.givenName)
                && dateOfBirth.equals(other.dateOfBirth);
    }
}
