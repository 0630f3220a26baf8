package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernReadKind;
import exchange.safeguarding.concern.domain.ConcernField;
import exchange.safeguarding.concern.domain.ConcernStep;
import exchange.safeguarding.concern.domain.Person;
import exchange.safeguarding.concern.domain.PersonMerge;
import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.concern.repository.ConcernStepRepository;
import exchange.safeguarding.concern.repository.PersonRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A person's chronology across agencies (only what the caller may see), and merging or unmerging two
 * records of one person, with history. A caller can act only on people it already sees a concern about.
 */
@ApplicationScoped
public class PersonRecords {

    public record ChronologyEntry(Instant at, UUID concernId, String organisation, String action, String step, String detail) {
    }

    private final PersonRepository people;
    private final ConcernRepository concerns;
    private final ConcernStepRepository steps;
    private final ConcernVisibility visibility;
    private final ConcernReads reads;
    private final Clock clock;

    public PersonRecords(PersonRepository people, ConcernRepository concerns, ConcernStepRepository steps,
                         ConcernVisibility visibility, ConcernReads reads, Clock clock) {
        this.reads = reads;
        this.people = people;
        this.concerns = concerns;
        this.steps = steps;
        this.visibility = visibility;
        this.clock = clock;
    }

    @Transactional
    public List<ChronologyEntry> chronology(Caller caller, UUID personId) {
        List<Concern> visible = visibleConcerns(caller, personId);
        List<ChronologyEntry> entries = new ArrayList<>();
        var scopes = visibility.scopes(caller, visible);
        reads.read(caller, ConcernReadKind.CHRONOLOGY, visible, scopes);
        for (Concern concern : visible) {
            ConcernReadScope scope = scopes.get(concern.id);
            boolean hideRaiser = ConcernVisibility.WITHHELD.equals(scope.raisedBy());
            for (ConcernStep step : steps.of(concern.id)) {
                // The same gate as the concern's view: the abuse types are its summary, step reasons its risk information.
                String detail = "RAISED".equals(step.action)
                        ? (scope.shows(ConcernField.ABUSE_TYPES) ? String.join(", ", concern.abuseTypes) + " " : "")
                        + "(" + concern.urgency + ")" + (hideRaiser ? "" : " by " + step.doneBy)
                        : caller.belongsTo(step.organisation) || scope.shows(ConcernField.STEP_REASON) ? step.reason : null;
                entries.add(new ChronologyEntry(step.doneAt, concern.id, step.organisation, step.action,
                        step.step == null ? null : step.step.name(), detail));
            }
        }
        entries.sort(Comparator.comparing(ChronologyEntry::at));
        return entries;
    }

    @Transactional
    public Person merge(Caller caller, UUID personId, UUID intoId, String reason) {
        if (personId.equals(intoId)) {
            throw ProblemException.invalid("into", "a person cannot be merged into themselves");
        }
        Person person = known(caller, personId);
        Person into = people.canonical(known(caller, intoId));
        if (people.canonical(person).id.equals(into.id)) {
            throw ProblemException.conflict("The two records are already one person");
        }
        person.mergedInto = into.id;
        history(person.id, into.id, "MERGED", reason, caller);
        return into;
    }

    @Transactional
    public Person unmerge(Caller caller, UUID personId, String reason) {
        Person person = people.findById(personId);
        if (person == null || visibleConcerns(caller, personId).isEmpty()) {
            throw ProblemException.notFound("Person " + personId);
        }
        if (person.mergedInto == null) {
            throw ProblemException.conflict("The record is not merged into another");
        }
        history(person.id, person.mergedInto, "UNMERGED", reason, caller);
        person.mergedInto = null;
        return person;
    }

    private Person known(Caller caller, UUID personId) {
        Person person = people.findById(personId);
        if (person == null || visibleConcerns(caller, personId).isEmpty()) {
            throw ProblemException.notFound("Person " + personId);
        }
        return person;
    }

    private List<Concern> visibleConcerns(Caller caller, UUID personId) {
        Person person = people.findById(personId);
        if (person == null) {
            return List.of();
        }
        List<UUID> family = people.sameAs(people.canonical(person).id);
        return concerns.aboutAnyOf(family).stream().filter(c -> visibility.canSee(caller, c)).toList();
    }

    private void history(UUID personId, UUID into, String action, String reason, Caller caller) {
        PersonMerge entry = new PersonMerge();
        entry.personId = personId;
        entry.mergedInto = into;
        entry.action = action;
        entry.reason = reason;
        entry.doneBy = caller.name() + " (" + caller.organisation() + ")";
        entry.doneAt = clock.instant();
        entry.persist();
    }
}
