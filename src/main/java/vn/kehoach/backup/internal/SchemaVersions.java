package vn.kehoach.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Flyway schema versions ("8", "4.1"): the latest the code ships, the latest a database has, and their order. */
public final class SchemaVersions {

    private static final Pattern MIGRATION = Pattern.compile("V([0-9][0-9._]*)__[^$]*\\.(sql|class)");

    /** Orders versions part by part as numbers: 4 &lt; 4.1 &lt; 4.2 &lt; 6 &lt; 10. */
    public static final Comparator<String> ORDER = (a, b) -> {
        long[] x = parts(a);
        long[] y = parts(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? x[i] : 0;
            long q = i < y.length ? y[i] : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    };

    private SchemaVersions() {
    }

    private static long[] parts(String version) {
        return Arrays.stream(version.split("[._]")).mapToLong(Long::parseLong).toArray();
    }

    /**
     * The latest versioned migration in {@code db/migration} on the class path, in Flyway's dotted form: SQL files and
     * Java migrations (classes of the package {@code db.migration}, where the two databases need different statements).
     */
    public static String ofCode() {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:db/migration/V*__*.sql")));
            files.addAll(List.of(resolver.getResources("classpath*:db/migration/V*__*.class")));
            String latest = null;
            for (Resource r : files) {
                Matcher m = MIGRATION.matcher(r.getFilename() == null ? "" : r.getFilename());
                if (m.matches()) {
                    String v = m.group(1).replace('_', '.');
                    if (latest == null || ORDER.compare(v, latest) > 0) {
                        latest = v;
                    }
                }
            }
            if (latest == null) {
                throw new IllegalStateException("Không tìm thấy tệp migration nào trong db/migration");
            }
            return latest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest migration applied with success to the database, or empty when Flyway never ran there. */
    public static Optional<String> ofDatabase(Connection c) throws SQLException {
        boolean present;
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), Schema.FLYWAY_HISTORY, null)) {
            present = rs.next();
        }
        if (!present) {
            return Optional.empty();
        }
        String latest = null;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version from " + Schema.FLYWAY_HISTORY + " where success = true and version is not null")) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (latest == null || ORDER.compare(v, latest) > 0) {
                    latest = v;
                }
            }
        }
        return Optional.ofNullable(latest);
    }
}
