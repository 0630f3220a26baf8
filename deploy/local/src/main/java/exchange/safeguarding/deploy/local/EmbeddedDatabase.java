package exchange.safeguarding.deploy.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** PostgreSQL for the platform: an embedded server whose data stays in a folder between runs, or an external one. */
final class EmbeddedDatabase {

    static final List<String> DATABASES = List.of("agreements", "concerns", "sharing", "notifications");

    private final PlatformSettings settings;
    private EmbeddedPostgres server;

    EmbeddedDatabase(PlatformSettings settings) {
        this.settings = settings;
    }

    void start() throws IOException, SQLException {
        if (settings.externalPostgresUrl().isEmpty()) {
            Path data = settings.home().resolve("postgres");
            Files.createDirectories(data);
            Path logs = Files.createDirectories(settings.home().resolve("logs"));
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logs.resolve("postgresql.log").toFile());
            server = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false) // the launcher stops it after the services
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .setPort(settings.postgresPort())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    // A fresh database's tables grow from empty in seconds here; analysed only after a minute
                    // (the default), plans made for empty tables scanned them whole until then.
                    .setServerConfig("autovacuum_naptime", "10s")
                    .start();
        }
        createDatabases();
    }

    /** Each service owns its own database. */
    private void createDatabases() throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcBase() + "/postgres",
                settings.postgresUser(), settings.postgresPassword());
             Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                statement.execute("create database " + database);
            }
        }
    }

    String jdbcUrl(String database) {
        return settings.jdbcBase() + "/" + database;
    }

    /** Whether this launcher runs the server itself (and can stop and start it), rather than using an external one. */
    boolean embedded() {
        return settings.externalPostgresUrl().isEmpty();
    }

    void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            server = null;
        }
    }
}
