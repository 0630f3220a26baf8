package exchange.safeguarding.concern.config;

import exchange.safeguarding.concern.domain.Urgency;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** Routing, response-time and pattern settings; local policies differ, so none is hard-coded. */
@ConfigMapping(prefix = "concern")
public interface ConcernConfig {

    /** Used when an organisation's escalation route does not say (or is not known yet). */
    DefaultResponseTime defaultResponseTime();

    /** The local authority to route to when none serves the raising organisation's area. */
    Optional<String> defaultLocalAuthority();

    Patterns patterns();

    /** How often overdue responses are looked for (a scheduler interval, e.g. 15s). */
    @WithDefault("15s")
    String deadlineCheckInterval();

    interface DefaultResponseTime {
        @WithDefault("PT1H")
        Duration emergency();

        @WithDefault("PT4H")
        Duration urgent();

        @WithDefault("PT24H")
        Duration routine();

        @WithDefault("PT72H")
        Duration lowLevel();

        default Duration of(Urgency urgency) {
            return switch (urgency) {
                case EMERGENCY -> emergency();
                case URGENT -> urgent();
                case ROUTINE -> routine();
                case LOW_LEVEL -> lowLevel();
            };
        }
    }

    interface Patterns {
        /** Concerns about one adult from this many different organisations within the window raise an alert. */
        @WithDefault("3")
        int sameAdultOrganisations();

        @WithDefault("P90D")
        Period sameAdultWindow();

        /** One person alleged to cause harm named in concerns about this many different adults: others at risk. */
        @WithDefault("2")
        int sameAllegedAdults();

        @WithDefault("P365D")
        Period sameAllegedWindow();

        /** This many concerns about one care setting within the window: possible organisational abuse. */
        @WithDefault("3")
        int sameSettingConcerns();

        @WithDefault("P90D")
        Period sameSettingWindow();
    }
}
