package exchange.safeguarding.kit.secrets;

import exchange.safeguarding.kit.config.PlatformConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Set;

/**
 * Refuses to start a production service whose secrets are missing or are the repository's demo values, naming every
 * such setting at once. Only the profiles that run on a developer's machine ({@code local} for the local platform,
 * {@code test}, {@code dev}) may hold demo values. Runs before the schema migration and the consumers, so a refused
 * service has touched nothing.
 */
@ApplicationScoped
public class ProductionSecrets {

    /** Observer order: this check, then {@link SchemaMigration}, then everything else that starts. */
    public static final int ORDER = Interceptor.Priority.PLATFORM_BEFORE - 200;

    static final Set<String> DEMO_PROFILES = Set.of("local", "test", "dev");

    private final PlatformConfig config;
    private final Config values;

    public ProductionSecrets(PlatformConfig config, Config values) {
        this.config = config;
        this.values = values;
    }

    void check(@Observes @Priority(ORDER) StartupEvent ignored) {
        if (!isProduction(ConfigUtils.getProfiles())) {
            return;
        }
        List<String> problems = DemoSecrets.problems(config.production().secrets().stream().filter(s -> !s.isBlank()).toList(),
                name -> values.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(config.serviceName() + " refuses to start in production: "
                    + String.join("; ", problems) + ". Supply each from the secret store (see the README, "
                    + "\"Production settings\"); demo values are for the local profile only.");
        }
    }

    static boolean isProduction(List<String> activeProfiles) {
        return activeProfiles.stream().noneMatch(DEMO_PROFILES::contains);
    }
}
