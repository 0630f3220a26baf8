package exchange.safeguarding.deploy.system;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How hard and how long the fault drill ({@link FaultInjectionIT}) pushes, from system properties. The defaults are
 * the short version that runs in {@code ./mvnw verify}; docs/fault-injection.md gives the full one.
 *
 * @param rate              concerns per second raised across the demo organisations' gateways
 * @param organisations     the demo organisations whose gateways raise them, in turn
 * @param dedicatedRate     concerns per second raised by the drill's own agency (short deadlines, the gateway that goes down)
 * @param recovery          steady load before the first fault, between faults and after the last
 * @param outage            how long the Kafka broker, PostgreSQL and then notification-service's database alone stay down
 * @param gatewayOutage     how long the agency's gateway stays down
 * @param responseTime      the drill agency's line manager response time, so its concerns breach during the faults
 * @param resumeBySchedule  after the gateway outage, wait for the retry schedule (its second retry comes 5 minutes
 *                          later) instead of the agency asking for its waiting messages at once
 */
record FaultSettings(double rate, List<String> organisations, double dedicatedRate, Duration recovery, Duration outage,
                     Duration gatewayOutage, Duration responseTime, boolean resumeBySchedule) {

    static FaultSettings fromSystemProperties() {
        return new FaultSettings(
                Double.parseDouble(System.getProperty("faults.rate", "6")),
                Arrays.stream(System.getProperty("faults.organisations", String.join(",", Partnership.MEADOWBANK,
                        Partnership.NHS, Partnership.HOMES, Partnership.POLICE)).split(",")).map(String::trim).toList(),
                Double.parseDouble(System.getProperty("faults.dedicated-rate", "0.5")),
                duration(System.getProperty("faults.recovery", "5s")),
                duration(System.getProperty("faults.outage", "5s")),
                duration(System.getProperty("faults.gateway-outage", "15s")),
                duration(System.getProperty("faults.response-time", "20s")),
                "schedule".equalsIgnoreCase(System.getProperty("faults.gateway-resume", "re-enable")));
    }

    /** "30s", "2m", "500ms" or ISO-8601 ("PT30S"). */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("pt")) {
            return Duration.parse(text.trim());
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (e.g. 30s, 2m, PT30S)");
        };
    }

    /** The command that runs the drill with these settings (the faults.* properties given, the rest defaults). */
    static String command() {
        StringBuilder out = new StringBuilder("./mvnw -B -pl deploy/system-tests verify -Dit.test=FaultInjectionIT "
                + "-Dfailsafe.failIfNoSpecifiedTests=false");
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("faults.")).sorted()
                .forEach(n -> out.append(" -D").append(n).append('=').append(System.getProperty(n)));
        return out.toString();
    }

    String describe() {
        return String.format(Locale.ROOT, "%.1f concerns/s over %s; %.1f/s from the drill's own agency; recovery %d s; "
                        + "Kafka and PostgreSQL down %d s; gateway down %d s (then %s); line manager response time %d s",
                rate, String.join(", ", organisations), dedicatedRate, recovery.toSeconds(), outage.toSeconds(),
                gatewayOutage.toSeconds(), resumeBySchedule ? "the retry schedule" : "the agency asks for its waiting messages",
                responseTime.toSeconds());
    }
}
