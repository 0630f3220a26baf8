package exchange.safeguarding.kit.persistence;

import exchange.safeguarding.kit.secrets.ProductionSecrets;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;

/**
 * Migrates the schema at start, as {@code quarkus.flyway.migrate-at-start} would, but after {@link ProductionSecrets}:
 * Quarkus's own migration runs before any application code, so a service with a demo database password would have
 * migrated a production database before being refused.
 */
@ApplicationScoped
public class SchemaMigration {

    /** After the secrets check, before everything else that starts. */
    public static final int ORDER = ProductionSecrets.ORDER + 100;

    private final Flyway flyway;

    public SchemaMigration(Flyway flyway) {
        this.flyway = flyway;
    }

    void migrate(@Observes @Priority(ORDER) StartupEvent ignored) {
        flyway.migrate();
    }
}
