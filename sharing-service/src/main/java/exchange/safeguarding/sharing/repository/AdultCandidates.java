package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.sharing.domain.AdultReference;
import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HQL condition that finds records which may be about an adult, by each identifier the reference carries (the
 * caller then keeps those {@link AdultReference#matches} accepts). Entities name the fields adultPersonId,
 * adultNhsNumber, adultFamilyName and adultDateOfBirth. Only identifiers present go in, and the name is lower-cased
 * here: a null parameter, or one inside {@code lower()}, made Hibernate translate the query afresh on every call.
 */
record AdultCandidates(String condition, Parameters parameters) {

    /** Empty when the reference carries no identifier a query can use. */
    static Optional<AdultCandidates> of(AdultReference adult, Parameters parameters) {
        List<String> any = new ArrayList<>();
        if (adult.personId() != null) {
            any.add("adultPersonId = :personId");
            parameters.and("personId", adult.personId());
        }
        if (adult.nhsNumber() != null) {
            any.add("adultNhsNumber = :nhsNumber");
            parameters.and("nhsNumber", adult.nhsNumber());
        }
        if (adult.familyName() != null && adult.dateOfBirth() != null) {
            any.add("(lower(adultFamilyName) = :familyName and adultDateOfBirth = :dateOfBirth)");
            parameters.and("familyName", adult.familyName().toLowerCase(Locale.ROOT)).and("dateOfBirth", adult.dateOfBirth());
        }
        return any.isEmpty() ? Optional.empty()
                : Optional.of(new AdultCandidates("(" + String.join(" or ", any) + ")", parameters));
    }
}
