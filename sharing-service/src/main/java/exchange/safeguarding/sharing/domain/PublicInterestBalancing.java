package exchange.safeguarding.sharing.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The public-interest test as structured answers, so the balancing can be reviewed and counted rather
 * than read out of free text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublicInterestBalancing(
        String crimeOrHarmToPrevent,
        Boolean seriousCrime,
        Likelihood likelihoodOfHarm,
        String harmIfNotShared,
        Boolean consentSought,
        Boolean lessIntrusiveMeansConsidered,
        Boolean publicInterestOutweighsConfidentiality) {

    public enum Likelihood {
        LOW, MEDIUM, HIGH
    }
}
