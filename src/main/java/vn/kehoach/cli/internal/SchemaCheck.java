package vn.kehoach.cli.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Whether a database already has every migration this build ships, in one query: the versions applied with success in
 * Flyway's history against the versioned migrations in {@code db/migration} (SQL files and the Java migrations of the
 * package {@code db.migration}). When they are the same set a command need not start Flyway at all; anything else
 * (no history yet, a migration missing, failed or unknown to this build, a repeatable or baseline row) is
 * "not known to be current", and the command migrates and validates with Flyway as the server does.
 * Checksums are not compared here: {@code serve} still runs Flyway's full validation on every start.
 */
final class SchemaCheck {

    private static final Pattern MIGRATION = Pattern.compile("V([0-9][0-9._]*)__[^$]*\\.(sql|class)");

    private SchemaCheck() {
    }

    /** True when the database behind {@code c} has exactly the migrations this build ships, all applied. */
    static boolean current(Connection c) {
        try {
            Set<String> applied = applied(c);
            return applied != null && applied.equals(shipped());
        } catch (SQLException | IOException | RuntimeException e) {
            return false;
        }
    }

    /** The versions Flyway applied with success; null when the history holds anything else (or is missing). */
    static Set<String> applied(Connection c) throws SQLException {
        Set<String> versions = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version, success, type from flyway_schema_history")) {
            while (rs.next()) {
                String version = rs.getString(1);
                String type = rs.getString(3);
                if ("TABLE".equals(type) || "SCHEMA".equals(type)) {
                    continue; // Flyway's own note that it made its history table (or the schema)
                }
                if (version == null || !rs.getBoolean(2) || !("SQL".equals(type) || "JDBC".equals(type))) {
                    return null;
                }
                versions.add(version);
            }
        }
        return versions;
    }

    /** The versions of the versioned migrations on the class path, in Flyway's dotted form ("4.1" for V4_1__…). */
    static Set<String> shipped() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(SchemaCheck.class.getClassLoader());
        Set<String> versions = new HashSet<>();
        for (Resource r : resolver.getResources("classpath*:db/migration/V*__*")) {
            Matcher m = MIGRATION.matcher(r.getFilename() == null ? "" : r.getFilename());
            if (m.matches()) {
                versions.add(m.group(1).replace('_', '.'));
            }
        }
        return versions;
    }
}
