package exchange.safeguarding.concern.repository;

import exchange.safeguarding.concern.domain.Person;
import exchange.safeguarding.kit.persistence.NativeSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    public Optional<Person> byNhsNumber(String nhsNumber) {
        return find("nhsNumber = ?1 order by createdAt", nhsNumber).firstResultOptional();
    }

    public Optional<Person> byMatchKey(String matchKey) {
        return find("matchKey = ?1 order by createdAt", matchKey).firstResultOptional();
    }

    /** The record a person finally resolves to, following merges. */
    public Person canonical(Person person) {
        Person current = person;
        for (int hops = 0; current.mergedInto != null && hops < 20; hops++) {
            current = findById(current.mergedInto);
        }
        return current;
    }

    /** Every record that resolves to this canonical person (itself and all merged into it, transitively). */
    public List<UUID> sameAs(UUID canonicalId) {
        return NativeSql.column(getEntityManager(), """
                with recursive family(id) as (
                    select cast(? as uuid)
                    union select p.id from person p join family f on p.merged_into = f.id)
                select id from family""", UUID.class, canonicalId);
    }
}
