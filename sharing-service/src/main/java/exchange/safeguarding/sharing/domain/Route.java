package exchange.safeguarding.sharing.domain;

import exchange.safeguarding.kit.vocabulary.Purpose;

/**
 * How a concern reached another organisation, when the platform (not a person's request) asked for the sharing
 * decision. Each route is a sharing decision like any other: purpose, lawful basis, agreement, released and withheld.
 */
public enum Route {
    /** An emergency concern: the local authority and the emergency services, at once, on vital interests. */
    EMERGENCY(Purpose.PREVENT_DEATH_OR_SERIOUS_HARM),
    /** A line manager or lead referred the concern to the local authority. */
    REFERRAL(Purpose.COORDINATE_RESPONSES),
    /** A response time passed and the concern moved up to the local authority. */
    ESCALATION(Purpose.COORDINATE_RESPONSES),
    /** A whistleblowing concern goes to the local authority, bypassing the organisation's management. */
    WHISTLEBLOWING(Purpose.COORDINATE_RESPONSES),
    /** The raiser's professional challenge took the concern to the local authority. */
    CHALLENGE(Purpose.COORDINATE_RESPONSES),
    /** Closed before any referral: the local authority sees every such decision. */
    CLOSED_WITHOUT_REFERRAL(Purpose.COORDINATE_RESPONSES),
    /** A pattern alert names the concern to the local authority. */
    PATTERN(Purpose.REVEAL_PATTERNS_OF_ABUSE);

    public final Purpose purpose;

    Route(Purpose purpose) {
        this.purpose = purpose;
    }
}
