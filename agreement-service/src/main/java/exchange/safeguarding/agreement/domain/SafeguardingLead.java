package exchange.safeguarding.agreement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The named person who leads safeguarding for an organisation, and how to reach them. */
@Embeddable
public class SafeguardingLead {

    @Column(name = "lead_name")
    public String name;

    @Column(name = "lead_role")
    public String role;

    @Column(name = "lead_email")
    public String email;

    @Column(name = "lead_phone")
    public String phone;

    public static SafeguardingLead of(String name, String role, String email, String phone) {
        SafeguardingLead lead = new SafeguardingLead();
        lead.name = name;
        lead.role = role;
        lead.email = email;
        lead.phone = phone;
        return lead;
    }

    boolean complete() {
        return present(name) && (present(email) || present(phone));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
