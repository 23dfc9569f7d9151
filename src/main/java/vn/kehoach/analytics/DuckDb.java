package vn.kehoach.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The bench's peer: an embedded DuckDB in a temporary file (it may spill to disk at the national size), holding
 * the same DHIS2-style tables as PostgreSQL, loaded from them through CSV. Bench-only: {@code kehoach bench
 * analytics} is its one user.
 */
final class DuckDb implements AutoCloseable {

    private final Path dir;
    private final Connection connection;

    private DuckDb(Path dir, Connection connection) {
        this.dir = dir;
        this.connection = connection;
    }

    static DuckDb open() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Path dir = Files.createTempDirectory("kehoach-duckdb-");
            return new DuckDb(dir, DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("bench.duckdb")));
        } catch (ClassNotFoundException | IOException | SQLException e) {
            throw new IllegalStateException("không mở được DuckDB: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the table: PostgreSQL writes it as CSV to a temporary file, DuckDB reads the file into a table of the
     * same name and columns (those of {@link NationalBench}'s baseline table), and the file is deleted.
     */
    void load(String table, BiConsumer<String, OutputStream> copyOut) {
        Path csv = dir.resolve(table + ".csv");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(csv), 1 << 20)) {
                copyOut.accept(table, out);
            }
            try (Statement s = connection.createStatement()) {
                s.execute("create table " + table + " as select * from read_csv('" + csv + "', header = false, "
                        + "columns = {'dx': 'VARCHAR', 'ou': 'VARCHAR', 'uidlevel1': 'VARCHAR', 'uidlevel2': 'VARCHAR',"
                        + " 'uidlevel3': 'VARCHAR', 'uidlevel4': 'VARCHAR', 'yearly': 'VARCHAR', 'monthly': 'VARCHAR',"
                        + " 'value': 'DOUBLE'})");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("nạp " + table + " vào DuckDB thất bại: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(csv);
            } catch (IOException ignored) {
                // the directory goes on close
            }
        }
    }

    /** The rows of a (dx, unit, sum) query, keyed "dx|unit". */
    Map<String, Double> query(String sql) {
        Map<String, Double> out = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1) + "|" + rs.getString(2), rs.getDouble(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the files go anyway
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }
}
