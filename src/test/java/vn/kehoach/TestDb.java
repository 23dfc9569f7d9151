package vn.kehoach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fresh databases for tests: a new PostgreSQL database on the machine's server (127.0.0.1:5432, user postgres,
 * trust auth; {@code KEHOACH_TEST_PG} overrides the admin URL), dropped when the JVM ends, or a new in-memory H2.
 * A PostgreSQL that cannot be reached fails the test: nothing is skipped.
 */
public final class TestDb {

    private static final String ADMIN_URL = System.getenv().getOrDefault("KEHOACH_TEST_PG",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private TestDb() {
    }

    /** Creates an empty PostgreSQL database and returns its JDBC URL. */
    public static String freshPostgres() {
        String name = "kehoach_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + name + " with (force)")));
        return ADMIN_URL.replace("/postgres?", "/" + name + "?");
    }

    /** A new in-memory H2 database in PostgreSQL mode, the embedded default's dialect. */
    public static String freshH2() {
        return "jdbc:h2:mem:kehoach_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    public static void register(DynamicPropertyRegistry registry, String url) {
        registry.add("spring.datasource.url", () -> url);
        // Spring keeps every test context open: small pools keep them all within PostgreSQL's 100 connections.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
        if (url.startsWith("jdbc:h2:")) {
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is needed for this test: " + e.getMessage(), e);
        }
    }
}
