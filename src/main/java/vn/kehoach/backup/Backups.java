package vn.kehoach.backup;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Service;

import tools.jackson.databind.SerializationFeature;
import vn.kehoach.access.Guard;
import vn.kehoach.access.Place;
import vn.kehoach.access.Resource;
import vn.kehoach.backup.internal.Column;
import vn.kehoach.backup.internal.ColumnKind;
import vn.kehoach.backup.internal.RowLines;
import vn.kehoach.backup.internal.Schema;
import vn.kehoach.backup.internal.SchemaVersions;
import vn.kehoach.backup.internal.TableShape;

/**
 * Sao lưu và khôi phục toàn bộ dữ liệu. A backup is one read-only snapshot transaction (REPEATABLE READ on
 * PostgreSQL, SNAPSHOT on H2) over every application table, so writes made while it runs are either wholly in it or
 * wholly out. A restore checks the whole file against its manifest before it touches the database, then inserts every
 * table in foreign-key order in one transaction, checks each file again as it reads it, and resets the identity
 * counters past the largest id: it is all or nothing, and works from and to either database.
 */
@Service
public class Backups {

    /** Rows sent to the database per batch while restoring. */
    private static final int BATCH = 500;
    /** H2's JDBC level for SNAPSHOT isolation (org.h2.engine.Constants.TRANSACTION_SNAPSHOT): no phantom rows either. */
    private static final int H2_SNAPSHOT = 6;

    private final DataSource dataSource;
    private final Guard guard;

    public Backups(DataSource dataSource, Guard guard) {
        this.dataSource = dataSource;
        this.guard = guard;
    }

    /** What a restore did: the manifest it followed and the rows it wrote. */
    public record Restored(Manifest manifest, long rows, boolean replaced) {
    }

    /** The schema version this program's migrations reach. */
    public static String codeSchemaVersion() {
        return SchemaVersions.ofCode();
    }

    /** Orders schema versions ("4.1" before "6"). */
    public static int compareVersions(String a, String b) {
        return SchemaVersions.ORDER.compare(a, b);
    }

    /**
     * Refuses a backup to anyone but the system (the command line) or an administrator of a root unit: a backup holds
     * every unit's figures and every password hash.
     */
    public void checkMayBackUp() {
        guard.checkRead(Resource.BACKUP, Place.WHOLE);
    }

    /** Writes a backup of the whole database as a zip to {@code out} (left open) and returns its manifest. */
    public Manifest backup(OutputStream out) {
        checkMayBackUp();
        try (Connection c = dataSource.getConnection()) {
            boolean h2 = isH2(c);
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(h2 ? H2_SNAPSHOT : Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Manifest m = snapshot(c, h2, out);
                c.commit();
                return m;
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new BackupException("Không đọc được cơ sở dữ liệu để sao lưu: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được bản sao lưu: " + e.getMessage(), e);
        }
    }

    private Manifest snapshot(Connection c, boolean h2, OutputStream out) throws SQLException, IOException {
        String version = SchemaVersions.ofDatabase(c).orElseThrow(() -> new BackupException(
                "Cơ sở dữ liệu chưa có lược đồ KeHoach (không có " + Schema.FLYWAY_HISTORY + "): không có gì để sao lưu"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        List<Manifest.Table> entries = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        for (TableShape t : Schema.tables(c)) {
            String file = "tables/" + t.name() + ".jsonl";
            zip.putNextEntry(new ZipEntry(file));
            MessageDigest sha = sha256();
            Writer w = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(zip, sha), StandardCharsets.UTF_8), 1 << 16);
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement(selectInKeyOrder(t, h2))) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Column> cols = t.columns();
                    String[] values = new String[cols.size()];
                    while (rs.next()) {
                        for (int i = 0; i < values.length; i++) {
                            values[i] = cols.get(i).kind().read(rs, i + 1);
                        }
                        w.write(RowLines.line(values));
                        rows++;
                    }
                }
            }
            w.flush();
            zip.closeEntry();
            entries.add(new Manifest.Table(t.name(), file, t.columnNames(), rows, HexFormat.of().formatHex(sha.digest())));
        }
        Manifest m = new Manifest(Manifest.FORMAT, version, at, database, entries);
        zip.putNextEntry(new ZipEntry(Manifest.FILE));
        zip.write(Manifest.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m));
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return m;
    }

    /**
     * Rows in primary-key order; text keys compared by code point on both databases (PostgreSQL's "C" collation is
     * what H2 does by default), so that the file and its hash do not depend on the database's language settings.
     */
    private static String selectInKeyOrder(TableShape t, boolean h2) {
        List<String> key = t.primaryKey().isEmpty() ? t.columnNames() : t.primaryKey();
        String order = key.stream().map(k -> {
            boolean text = t.column(k).kind() == ColumnKind.TEXT;
            return TableShape.quote(k) + (text && !h2 ? " collate \"C\"" : "");
        }).collect(Collectors.joining(", "));
        return "select " + t.columnNames().stream().map(TableShape::quote).collect(Collectors.joining(", "))
                + " from " + TableShape.quote(t.name()) + " order by " + order;
    }

    /** Restores a backup read from a stream (kept in a temporary file while it is checked and loaded). */
    public Restored restore(InputStream zip, boolean replace) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("kehoach-restore-", ".zip");
            Files.copy(zip, tmp, StandardCopyOption.REPLACE_EXISTING);
            return restore(tmp, replace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless; the restore's own outcome matters more
                }
            }
        }
    }

    /**
     * Restores a backup into this database, which must be at the backup's schema version and hold no data unless
     * {@code replace} (then its rows are deleted first, in the same transaction). A file that does not match its
     * manifest is refused before anything is written.
     */
    public Restored restore(Path zip, boolean replace) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Manifest m = Manifest.read(z, zip);
            String code = codeSchemaVersion();
            if (compareVersions(m.schemaVersion(), code) > 0) {
                throw new BackupException("Bản sao lưu có phiên bản lược đồ " + m.schemaVersion()
                        + ", mới hơn phiên bản của chương trình này (" + code + "): hãy khôi phục bằng phiên bản KeHoach mới hơn");
            }
            verify(z, m);
            try (Connection c = dataSource.getConnection()) {
                return load(c, z, m, replace);
            }
        } catch (ZipException e) {
            throw new BackupException("Tệp " + zip.getFileName() + " không phải là tệp sao lưu (không đọc được dạng zip)");
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được " + zip + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException("Không khôi phục được: " + e.getMessage(), e);
        }
    }

    /** Every file of the manifest is present, with its row count and SHA-256. */
    private static void verify(ZipFile z, Manifest m) throws IOException {
        for (Manifest.Table t : m.tables()) {
            ZipEntry e = z.getEntry(t.file());
            if (e == null) {
                throw new BackupException("Bản sao lưu thiếu tệp " + t.file() + " (bảng " + t.name() + ")");
            }
            MessageDigest sha = sha256();
            long lines = 0;
            try (InputStream in = new DigestInputStream(z.getInputStream(e), sha)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            lines++;
                        }
                    }
                }
            } catch (ZipException ex) {
                throw new BackupException("Tệp " + t.file() + " (bảng " + t.name() + ") trong bản sao lưu bị hỏng: " + ex.getMessage());
            }
            if (lines != t.rows()) {
                throw new BackupException("Tệp " + t.file() + " (bảng " + t.name() + ") có " + lines + " dòng, manifest ghi "
                        + t.rows() + ": bản sao lưu bị hỏng hoặc đã bị sửa");
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(t.sha256())) {
                throw new BackupException("Tệp " + t.file() + " (bảng " + t.name()
                        + ") không khớp mã SHA-256 trong manifest: bản sao lưu bị hỏng hoặc đã bị sửa");
            }
        }
    }

    private Restored load(Connection c, ZipFile z, Manifest m, boolean replace) throws SQLException, IOException {
        boolean h2 = isH2(c);
        String version = SchemaVersions.ofDatabase(c).orElseThrow(() -> new BackupException(
                "Cơ sở dữ liệu đích chưa có lược đồ KeHoach (không có " + Schema.FLYWAY_HISTORY + ")"));
        if (compareVersions(version, m.schemaVersion()) != 0) {
            throw new BackupException("Cơ sở dữ liệu đích ở phiên bản lược đồ " + version + ", bản sao lưu ở phiên bản "
                    + m.schemaVersion() + ": hãy khôi phục vào một cơ sở dữ liệu mới tạo");
        }
        List<TableShape> tables = Schema.tables(c);
        Map<String, TableShape> byName = tables.stream().collect(Collectors.toMap(TableShape::name, Function.identity()));
        Set<String> saved = m.tables().stream().map(Manifest.Table::name).collect(Collectors.toSet());
        if (!saved.equals(byName.keySet())) {
            throw new BackupException("Các bảng trong bản sao lưu " + saved.stream().sorted().toList()
                    + " khác các bảng của cơ sở dữ liệu " + byName.keySet().stream().sorted().toList());
        }
        for (Manifest.Table t : m.tables()) {
            if (!Set.copyOf(t.columns()).equals(Set.copyOf(byName.get(t.name()).columnNames()))) {
                throw new BackupException("Các cột của bảng " + t.name() + " trong bản sao lưu " + t.columns()
                        + " khác các cột trong cơ sở dữ liệu " + byName.get(t.name()).columnNames());
            }
        }
        c.setAutoCommit(false);
        long rows = 0;
        try {
            List<String> holding = new ArrayList<>();
            for (TableShape t : tables) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select 1 from " + TableShape.quote(t.name()) + " limit 1")) {
                    if (rs.next()) {
                        holding.add(t.name());
                    }
                }
            }
            if (!holding.isEmpty() && !replace) {
                throw new BackupException("Cơ sở dữ liệu đích đã có dữ liệu (bảng " + String.join(", ", holding.subList(0, Math.min(5, holding.size())))
                        + (holding.size() > 5 ? ", …" : "") + "): chỉ khôi phục vào cơ sở dữ liệu trống, "
                        + "hoặc dùng --replace để xoá dữ liệu hiện có và thay bằng bản sao lưu");
            }
            if (replace) {
                deleteAll(c, tables);
            }
            for (TableShape t : tables) {
                rows += insert(c, z, t, m.table(t.name()).orElseThrow());
            }
            if (!h2) {
                restartIdentities(c, tables);
            }
            c.commit();
        } catch (RuntimeException | SQLException | IOException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        if (h2) {
            // H2 commits any open transaction on DDL, so its counters move once the rows are committed.
            restartIdentities(c, tables);
        }
        return new Restored(m, rows, replace);
    }

    private static void deleteAll(Connection c, List<TableShape> tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int i = tables.size() - 1; i >= 0; i--) {
                TableShape t = tables.get(i);
                for (String self : t.selfReferences()) {
                    if (t.column(self).nullable()) {
                        s.executeUpdate("update " + TableShape.quote(t.name()) + " set " + TableShape.quote(self) + " = null where "
                                + TableShape.quote(self) + " is not null");
                    }
                }
                s.executeUpdate("delete from " + TableShape.quote(t.name()));
            }
        }
    }

    /**
     * Inserts a table's rows in file order. A column pointing into the same table (an org unit's parent) is
     * inserted empty and set once all rows are in, so the order of the rows does not matter.
     */
    private static long insert(Connection c, ZipFile z, TableShape t, Manifest.Table saved) throws SQLException, IOException {
        List<Column> cols = saved.columns().stream().map(t::column).toList();
        List<Integer> later = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (t.selfReferences().contains(cols.get(i).name()) && cols.get(i).nullable()) {
                later.add(i);
            }
        }
        List<Integer> key = t.primaryKey().stream().map(k -> saved.columns().indexOf(k)).toList();
        List<String[]> links = new ArrayList<>();
        String sql = "insert into " + TableShape.quote(t.name()) + " ("
                + cols.stream().map(col -> TableShape.quote(col.name())).collect(Collectors.joining(", ")) + ") values ("
                + cols.stream().map(col -> "?").collect(Collectors.joining(", ")) + ")";
        MessageDigest sha = sha256();
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql);
             InputStream in = new DigestInputStream(z.getInputStream(z.getEntry(saved.file())), sha);
             RowLines.Reader reader = new RowLines.Reader(in)) {
            int pending = 0;
            for (String[] row; (row = next(reader, saved, t, cols.size())) != null; ) {
                try {
                    for (int i = 0; i < row.length; i++) {
                        Column col = cols.get(i);
                        col.kind().bind(ps, i + 1, later.contains(i) ? null : row[i], col.sqlType());
                    }
                } catch (IllegalArgumentException e) {
                    throw new BackupException("Tệp " + saved.file() + " (bảng " + t.name() + ") dòng " + reader.line() + ": "
                            + e.getMessage());
                }
                for (int i : later) {
                    if (row[i] != null) {
                        links.add(row);
                        break;
                    }
                }
                ps.addBatch();
                rows++;
                if (++pending == BATCH) {
                    executeBatch(ps, t);
                    pending = 0;
                }
            }
            if (pending > 0) {
                executeBatch(ps, t);
            }
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (rows != saved.rows() || !HexFormat.of().formatHex(sha.digest()).equals(saved.sha256())) {
            throw new BackupException("Tệp " + saved.file() + " (bảng " + t.name() + ") không khớp manifest khi đọc lại");
        }
        for (int i : later) {
            link(c, t, cols, key, i, links);
        }
        return rows;
    }

    private static String[] next(RowLines.Reader reader, Manifest.Table saved, TableShape t, int columns) {
        try {
            String[] row = reader.next();
            if (row != null && row.length != columns) {
                throw new IllegalArgumentException("dòng " + reader.line() + " có " + row.length + " giá trị, cần " + columns);
            }
            return row;
        } catch (IllegalArgumentException e) {
            throw new BackupException("Tệp " + saved.file() + " (bảng " + t.name() + "): " + e.getMessage());
        }
    }

    private static void link(Connection c, TableShape t, List<Column> cols, List<Integer> key, int column, List<String[]> rows)
            throws SQLException {
        String sql = "update " + TableShape.quote(t.name()) + " set " + TableShape.quote(cols.get(column).name()) + " = ? where "
                + key.stream().map(k -> TableShape.quote(cols.get(k).name()) + " = ?").collect(Collectors.joining(" and "));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (String[] row : rows) {
                if (row[column] == null) {
                    continue;
                }
                cols.get(column).kind().bind(ps, 1, row[column], cols.get(column).sqlType());
                for (int k = 0; k < key.size(); k++) {
                    Column kc = cols.get(key.get(k));
                    kc.kind().bind(ps, k + 2, row[key.get(k)], kc.sqlType());
                }
                ps.addBatch();
                if (++pending == BATCH) {
                    executeBatch(ps, t);
                    pending = 0;
                }
            }
            if (pending > 0) {
                executeBatch(ps, t);
            }
        }
    }

    private static void executeBatch(PreparedStatement ps, TableShape t) {
        try {
            ps.executeBatch();
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new BackupException("Không ghi được bảng " + t.name() + ": " + cause.getMessage(), e);
        }
    }

    /** Moves each identity column's counter past the largest id restored, so new rows do not collide. */
    private static void restartIdentities(Connection c, List<TableShape> tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (TableShape t : tables) {
                for (Column col : t.columns()) {
                    if (!col.identity()) {
                        continue;
                    }
                    long max;
                    try (ResultSet rs = s.executeQuery("select max(" + TableShape.quote(col.name()) + ") from " + TableShape.quote(t.name()))) {
                        rs.next();
                        max = rs.getLong(1);
                    }
                    s.execute("alter table " + TableShape.quote(t.name()) + " alter column " + TableShape.quote(col.name())
                            + " restart with " + (max + 1));
                }
            }
        }
    }

    /** Brings the schema from a restored older backup's version to this program's, as a start would. */
    public void migrateToLatest() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    private static boolean isH2(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
