package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Person;
import exchange.safeguarding.concern.repository.PersonRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Finds the person a concern is about, across agencies: by NHS number when given, else by normalised
 * name, date of birth and postcode together; otherwise a new person. Fewer facts never link two records,
 * because wrongly joining two people's histories is worse than missing a link (which a merge can add).
 */
@ApplicationScoped
public class PersonMatching {

    public record Identity(String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber, String postcode) {
    }

    private final PersonRepository people;
    private final Clock clock;

    public PersonMatching(PersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Person resolve(Identity identity) {
        Person candidate = Person.of(identity.givenName(), identity.familyName(), identity.dateOfBirth(),
                identity.nhsNumber(), identity.postcode(), clock.instant());
        Optional<Person> match = Optional.empty();
        if (candidate.nhsNumber != null) {
            match = people.byNhsNumber(candidate.nhsNumber);
        }
        if (match.isEmpty() && candidate.matchKey != null) {
            // A name/date/postcode match with a different NHS number is a different person.
            match = people.byMatchKey(candidate.matchKey)
                    .filter(p -> p.nhsNumber == null || candidate.nhsNumber == null || p.nhsNumber.equals(candidate.nhsNumber));
        }
        if (match.isPresent()) {
            Person found = people.canonical(match.get());
            fillGaps(found, candidate);
            return found;
        }
        people.persist(candidate);
        return candidate;
    }

    /** What one agency knows can complete what another recorded. */
    private static void fillGaps(Person known, Person incoming) {
        if (known.nhsNumber == null && incoming.nhsNumber != null) {
            known.nhsNumber = incoming.nhsNumber;
        }
        if (known.dateOfBirth == null && incoming.dateOfBirth != null) {
            known.dateOfBirth = incoming.dateOfBirth;
        }
        if (known.postcode == null && incoming.postcode != null) {
            known.postcode = incoming.postcode;
        }
        if (known.matchKey == null) {
            known.matchKey = Person.matchKey(known.givenName, known.familyName, known.dateOfBirth, known.postcode);
        }
    }
}
