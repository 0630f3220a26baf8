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
        if (personId != null && r.adultPersonId != null) {
            return personId.equals(r.adultPersonId);
        }
        if (nhsNumber != null && r.adultNhsNumber != null) {
            return nhsNumber.equals(r.adultNhsNumber);
        }
        return familyName != null && givenName != null && dateOfBirth != null
                && familyName.equalsIgnoreCase(r.adultFamilyName) && givenName.equalsIgnoreCase(r.adultGivenName)
                && dateOfBirth.equals(r.adultDateOfBirth);
    }
}
