package exchange.safeguarding.kit.caller;

import java.util.Set;

/**
 * Who is calling: a person or an agency gateway, always on behalf of an organisation. Records belong to
 * organisations, never to individuals, so the organisation is what scopes data.
 */
public record Caller(String subject, String name, String organisation, Set<String> roles, ActingPerson actingPerson) {

    /** A person, or a gateway acting for no named person. */
    public Caller(String subject, String name, String organisation, Set<String> roles) {
        this(subject, name, organisation, roles, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean belongsTo(String organisationCode) {
        return organisation.equals(organisationCode);
    }
}
