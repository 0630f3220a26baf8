package exchange.safeguarding.sharing.config;

import exchange.safeguarding.kit.vocabulary.DataCategory;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "sharing")
public interface SharingConfig {

    /** concern-service's base URL, for the snapshot of what a disclosure releases. */
    @WithDefault("http://localhost:8082")
    String concernServiceUrl();

    /** How long after sharing without consent the person should have been told (or an exemption recorded). */
    @WithDefault("P5D")
    Duration informThePersonWithin();

    /** How long after an emergency disclosure its review is due. */
    @WithDefault("PT72H")
    Duration emergencyReviewWithin();

    /**
     * What an emergency releases at once, whether an emergency concern's routing or a person's emergency request: the
     * rest needs an ordinary request.
     */
    @WithDefault("IDENTITY,CONTACT,CONCERN_SUMMARY,RISK_INFORMATION")
    List<DataCategory> emergencyCategories();

    /** What each route of a concern to another organisation asks for; an agreement in force minimises it further. */
    Routes routes();

    interface Routes {
        /** Referral, escalation, whistleblowing and challenge to the local authority: what its enquiry needs. */
        @WithDefault("IDENTITY,CONTACT,CONCERN_SUMMARY,RISK_INFORMATION,HEALTH,CARE_AND_SUPPORT_NEEDS,VIEWS_AND_WISHES,PERSON_ALLEGED_TO_CAUSE_HARM")
        List<DataCategory> referralCategories();

        /** A closure without referral, for the local authority to scrutinise the decision. */
        @WithDefault("IDENTITY,CONCERN_SUMMARY,RISK_INFORMATION")
        List<DataCategory> closureCategories();

        /** Each concern a pattern alert names, for the local authority. */
        @WithDefault("IDENTITY,CONCERN_SUMMARY,RISK_INFORMATION,PERSON_ALLEGED_TO_CAUSE_HARM")
        List<DataCategory> patternCategories();
    }

    /** How long replica reads are reused across decisions (also cleared when this instance applies an event). */
    @WithDefault("2s")
    Duration replicaCacheTtl();

    Snapshots snapshots();

    interface Snapshots {
        /** The worker wakes on every approval; this poll is the safety net and the retry clock. */
        @WithDefault("2s")
        Duration pollInterval();

        /** First retry delay after concern-service could not be reached; doubles up to the maximum. */
        @WithDefault("2s")
        Duration firstRetry();

        @WithDefault("5m")
        Duration maxRetry();
    }

    LogChain logChain();

    interface LogChain {
        /** The chainer wakes when a decision commits; this poll picks up entries other replicas left waiting. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How long the chainer lets entries gather after a wake-up, so one transaction links many of them rather than
         * one per decision. Verification never waits for it: it links whatever is waiting itself.
         */
        @WithDefault("50ms")
        Duration linger();

        /** Most entries linked in one transaction. */
        @WithDefault("500")
        int batch();
    }
}
