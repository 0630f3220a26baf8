package exchange.safeguarding.concern.domain;

/** Source of risk (Safeguarding Adults Collection). */
public enum SourceOfRisk {
    SERVICE_PROVIDER, KNOWN_TO_INDIVIDUAL, UNKNOWN_TO_INDIVIDUAL
}
