package exchange.safeguarding.agreement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** Review practice varies by area, so it is configured, not hard-coded. */
@ConfigMapping(prefix = "agreement.review")
public interface AgreementReviewConfig {

    /** How long before its review date an agreement's parties are told a review is due. */
    @WithDefault("P3M")
    Period leadTime();

    /** How long past its review date an unreviewed agreement still covers sharing before it lapses. */
    @WithDefault("P3M")
    Period grace();

    /** How often agreements and organisations are checked against the calendar (a scheduler interval, e.g. 1h). */
    @WithDefault("1h")
    String checkInterval();
}
