package exchange.safeguarding.concern.domain;

/** Who is expected to respond to a concern now; escalation moves up this ladder. */
public enum Step {
    LINE_MANAGER, SAFEGUARDING_LEAD, LOCAL_AUTHORITY;

    /** The next rung, or null at the top. */
    public Step next() {
        return switch (this) {
            case LINE_MANAGER -> SAFEGUARDING_LEAD;
            case SAFEGUARDING_LEAD -> LOCAL_AUTHORITY;
            case LOCAL_AUTHORITY -> null;
        };
    }
}
