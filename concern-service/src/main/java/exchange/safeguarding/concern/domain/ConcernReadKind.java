package exchange.safeguarding.concern.domain;

/** Where another organisation read a concern's details: its own view, a list of concerns, the adult's chronology. */
public enum ConcernReadKind {
    CONCERN, CONCERN_LIST, CHRONOLOGY
}
