package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernField;
import exchange.safeguarding.concern.domain.Person;
import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.concern.repository.PersonRepository;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What sharing-service releases: exactly the requested data categories of one concern (or one person),
 * nothing else, by the field-to-category table {@link ConcernField}. A whistleblower's identity is never part of any
 * category. Also what sharing-service keeps of a concern, when a caller is faster than the concern's events.
 */
@ApplicationScoped
public class DisclosureExtracts {

    private final ConcernRepository concerns;
    private final PersonRepository persons;

    public DisclosureExtracts(ConcernRepository concerns, PersonRepository persons) {
        this.concerns = concerns;
        this.persons = persons;
    }

    @Transactional
    public Map<String, Object> ofConcern(UUID concernId, Collection<DataCategory> categories) {
        Concern c = concerns.findById(concernId);
        if (c == null) {
            throw ProblemException.notFound("Concern " + concernId);
        }
        Map<String, Object> extract = new LinkedHashMap<>();
        for (DataCategory category : sorted(categories)) {
            // The same table as every view of the concern; a summary also says which concern it is.
            Map<String, Object> section = new LinkedHashMap<>();
            for (ConcernField f : ConcernField.extractOf(category)) {
                put(section, f.extractKey, f.of(c));
            }
            extract.put(category.name(), section);
        }
        return extract;
    }

    @Transactional
    public Map<String, Object> ofPerson(UUID personId, Collection<DataCategory> categories) {
        Person found = persons.findById(personId);
        if (found == null) {
            throw ProblemException.notFound("Person " + personId);
        }
        Person p = persons.canonical(found);
        Map<String, Object> extract = new LinkedHashMap<>();
        for (DataCategory category : sorted(categories)) {
            extract.put(category.name(), switch (category) {
                case IDENTITY -> section("personId", p.id, "givenName", p.givenName, "familyName", p.familyName,
                        "dateOfBirth", p.dateOfBirth, "nhsNumber", p.nhsNumber);
                case CONTACT -> section("postcode", p.postcode);
                // Everything else lives on concerns; without one there is nothing to release.
                default -> section();
            });
        }
        return extract;
    }

    private static Set<DataCategory> sorted(Collection<DataCategory> categories) {
        return categories.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(categories);
    }

    private static void put(Map<String, Object> section, String key, Object value) {
        if (value != null) {
            section.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
    }

    /** Absent values are left out, so the extract shows only what is held. */
    private static Map<String, Object> section(Object... pairs) {
        Map<String, Object> section = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            put(section, (String) pairs[i], pairs[i + 1]);
        }
        return section;
    }
}
