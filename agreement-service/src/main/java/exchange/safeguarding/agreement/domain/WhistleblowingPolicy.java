package exchange.safeguarding.agreement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/** Every partner must have a whistleblowing policy, kept under review. */
@Embeddable
public class WhistleblowingPolicy {

    /** A document reference or URL. */
    @Column(name = "whistleblowing_reference")
    public String reference;

    @Column(name = "whistleblowing_owner")
    public String owner;

    @Column(name = "whistleblowing_review_date")
    public LocalDate reviewDate;

    public static WhistleblowingPolicy of(String reference, String owner, LocalDate reviewDate) {
        WhistleblowingPolicy policy = new WhistleblowingPolicy();
        policy.reference = reference;
        policy.owner = owner;
        policy.reviewDate = reviewDate;
        return policy;
    }

    /** Current while its review date has not passed. */
    boolean currentOn(LocalDate day) {
        return reference != null && reviewDate != null && !reviewDate.isBefore(day);
    }
}
