package exchange.safeguarding.kit.caller;

import exchange.safeguarding.kit.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The member of staff acting behind an agency gateway. A gateway's token proves which organisation's system calls;
 * the organisation's system names who in it is acting, in the {@value #HEADER} header, an RFC 8941 dictionary of
 * strings:
 * <pre>Acting-Person: id="u-4711", name="Sam Carter", role="practitioner"</pre>
 * {@code id} is the person's user id in the agency's own system, {@code name} their display name, {@code role} their
 * role in the agency, one of the platform's staff roles. The platform records the person wherever it records who
 * raised, asked, decided or was told; it does not grant the person more than the gateway may do.
 */
public record ActingPerson(String id, String name, String role) {

    public static final String HEADER = "Acting-Person";
    public static final Set<String> ROLES = Set.of(Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD,
            Roles.LA_SAFEGUARDING_OFFICER, Roles.CALDICOTT_GUARDIAN, Roles.DATA_PROTECTION_OFFICER, Roles.AUDITOR);
    public static final String FORMAT = "id=\"<user id in your system>\", name=\"<display name>\", role=\"<staff role>\"";

    /** Parses the header, or refuses it with a problem naming it and saying what is wrong. */
    public static ActingPerson parse(String header) {
        Map<String, String> members = dictionary(header);
        String id = members.get("id");
        String name = members.get("name");
        String role = members.get("role");
        if (id == null || id.isBlank() || id.length() > 40) {
            throw invalid("needs id, the person's user id in your system (1 to 40 characters)");
        }
        if (name == null || name.isBlank() || name.length() > 80) {
            throw invalid("needs name, the person's display name (1 to 80 characters)");
        }
        if (role == null || !ROLES.contains(role)) {
            throw invalid("needs role, one of " + ROLES.stream().sorted().toList());
        }
        return new ActingPerson(id.strip(), name.strip(), role);
    }

    /** How the person is recorded: their name, role and id, and the gateway they acted through. */
    public String through(String gateway) {
        String recorded = name + " (" + role + ", " + id + ") via " + gateway;
        // Records keep 200 characters for a person; the person comes first, so a long gateway name is what is cut.
        return recorded.length() <= 200 ? recorded : recorded.substring(0, 200);
    }

    private static ProblemException invalid(String what) {
        return ProblemException.invalid(HEADER, what + "; send " + HEADER + ": " + FORMAT);
    }

    /** The members of a dictionary whose values are all strings; anything else is refused. */
    private static Map<String, String> dictionary(String header) {
        Map<String, String> members = new LinkedHashMap<>();
        if (header == null || header.length() > 1000) {
            throw invalid(header == null ? "is missing" : "is longer than 1000 characters");
        }
        int i = 0;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            int keyStart = i;
            while (i < n && (Character.isLowerCase(header.charAt(i)) || header.charAt(i) == '-' || header.charAt(i) == '_')) {
                i++;
            }
            String key = header.substring(keyStart, i);
            if (key.isEmpty() || i >= n || header.charAt(i) != '=' || i + 1 >= n || header.charAt(i + 1) != '"') {
                throw invalid("is not a dictionary of quoted strings");
            }
            i += 2;
            StringBuilder value = new StringBuilder();
            boolean closed = false;
            while (i < n) {
                char c = header.charAt(i++);
                if (c == '\\' && i < n && (header.charAt(i) == '"' || header.charAt(i) == '\\')) {
                    value.append(header.charAt(i++));
                } else if (c == '"') {
                    closed = true;
                    break;
                } else if (c < 0x20 || c > 0x7e) {
                    throw invalid("holds a character outside printable ASCII (encode names in ASCII)");
                } else {
                    value.append(c);
                }
            }
            if (!closed || members.put(key, value.toString()) != null) {
                throw invalid(closed ? "names " + key + " twice" : "has an unclosed string");
            }
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && header.charAt(i++) != ',') {
                throw invalid("is not a dictionary of quoted strings");
            }
        }
        return members;
    }
}
