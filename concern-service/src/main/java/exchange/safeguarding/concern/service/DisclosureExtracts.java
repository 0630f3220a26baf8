package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
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
 * nothing else. A whistleblower's identity is never part of any category.
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
            extract.put(category.name(), switch (category) {
                case IDENTITY -> section("personId", c.adultPersonId, "givenName", c.adultGivenName,
                        "familyName", c.adultFamilyName, "dateOfBirth", c.adultDateOfBirth, "nhsNumber", c.adultNhsNumber);
                case CONTACT -> section("postcode", c.adultPostcode);
                case CONCERN_SUMMARY -> section("concernId", c.id, "raisingOrganisation", c.organisation,
                        "raisedAt", c.raisedAt, "urgency", c.urgency, "abuseTypes", List.of(c.abuseTypes),
                        "locationType", c.locationType, "settingName", c.settingName, "status", c.status);
                case RISK_INFORMATION -> section("whatHappened", c.whatHappened, "immediateActions", c.immediateActions,
                        "sourceOfRisk", c.sourceOfRisk, "emergencyServicesContacted", c.emergencyServicesContacted,
                        "section42Met", c.section42Met, "outcome", c.outcome, "riskResult", c.riskResult);
                case HEALTH -> section("lackedCapacity", c.lackedCapacity);
                case CARE_AND_SUPPORT_NEEDS -> section("capacitySupport", c.capacitySupport);
                case VIEWS_AND_WISHES -> section("viewsAndWishes", c.viewsAndWishes, "desiredOutcomes", c.desiredOutcomes);
                // concern-service holds no criminal offence data; saying so is itself the answer.
                case CRIMINAL_OFFENCE_INFORMATION -> section();
                case PERSON_ALLEGED_TO_CAUSE_HARM -> c.pahPersonId == null && c.pahFamilyName == null ? section()
                        : section("personId", c.pahPersonId, "givenName", c.pahGivenName, "familyName", c.pahFamilyName,
                        "relationship", c.pahRelationship);
            });
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

    /** Absent values are left out, so the extract shows only what is held. */
    private static Map<String, Object> section(Object... pairs) {
        Map<String, Object> section = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null) {
                section.put((String) pairs[i], value instanceof Enum<?> e ? e.name() : value);
            }
        }
        return section;
    }
}
