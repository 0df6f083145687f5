package io.colorinbox.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real PostgreSQL 17 server for the tests, started once per test JVM on a free loopback port (the
 * binaries come from Maven: nothing needs to be installed). Each caller gets its own database.
 */
public final class Postgres {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** One database of the shared server. */
    public record Database(String name, String url, DataSource dataSource) {

        public static final String USER = "postgres";
    }

    private Postgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is ending anyway
                    }
                }, "embedded-postgres-stop"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /** A new, empty database. */
    public static Database newDatabase() {
        EmbeddedPostgres pg = server();
        String name = "colors_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        // loopback by address: "localhost" might resolve elsewhere
        String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name;
        return new Database(name, url, new DriverManagerDataSource(url, Database.USER, ""));
    }
}
