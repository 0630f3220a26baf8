package exchange.safeguarding.deploy.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The database floor: plain single-row INSERT transactions (autocommit, so each is its own commit and WAL
 * flush) over JDBC, on the platform's own PostgreSQL, in a scratch database, with as many client threads as the
 * intake test. A row carries about what a concern's does, so the figure is what "store one thing and commit"
 * costs on this machine with nothing of the platform in the way.
 */
final class RawPostgres {

    static final String SCRATCH_DATABASE = "benchmark_scratch";

    private final String jdbcBase;
    private final String user;
    private final String password;

    RawPostgres(String jdbcBase, String user, String password) {
        this.jdbcBase = jdbcBase;
        this.user = user;
        this.password = password;
    }

    ClosedLoad.Result insertTransactions(int threads, Duration warmUp, Duration window) throws Exception {
        prepareScratchTable();
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Connection connection = DriverManager.getConnection(jdbcBase + "/" + SCRATCH_DATABASE, user, password);
                connection.setAutoCommit(true);
                connections.add(connection);
                inserts.add(connection.prepareStatement(
                        "insert into raw_insert (id, organisation, body, created_at) values (?, ?, ?, now())"));
            }
            String body = "x".repeat(700); // about a concern's row: names, date of birth, what happened
            return ClosedLoad.run(threads, warmUp, window, thread -> {
                PreparedStatement insert = inserts.get(thread);
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "ORG-" + thread);
                insert.setString(3, body);
                return insert.executeUpdate() == 1 ? ClosedLoad.OK : "no row";
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /**
     * How the server commits (fsync, synchronous_commit): the services use the same server, so the floor and the
     * platform pay the same for a commit, but the figures mean different things with and without a disk flush.
     */
    String commitSettings() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcBase + "/postgres", user, password);
             Statement statement = connection.createStatement()) {
            List<String> settings = new ArrayList<>();
            for (String setting : List.of("fsync", "synchronous_commit", "server_version")) {
                try (ResultSet rs = statement.executeQuery("show " + setting)) {
                    rs.next();
                    settings.add(setting + "=" + rs.getString(1));
                }
            }
            return String.join(", ", settings);
        }
    }

    private void prepareScratchTable() throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcBase + "/postgres", user, password);
             Statement statement = admin.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + SCRATCH_DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + SCRATCH_DATABASE);
                }
            }
        }
        try (Connection connection = DriverManager.getConnection(jdbcBase + "/" + SCRATCH_DATABASE, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists raw_insert");
            statement.execute("create table raw_insert (id uuid primary key, organisation text not null, body text not null,"
                    + " created_at timestamptz not null)");
        }
    }
}
