package vn.kehoach.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json} of a backup: what was saved, from which schema version and database, and for each table its
 * columns, its row count and the SHA-256 of its file (the rows' canonical text in primary-key order, identical
 * whether the rows were read from H2 or PostgreSQL). Tables are listed in the order they are restored.
 *
 * @param format        the version of this layout ({@link #FORMAT})
 * @param schemaVersion the latest Flyway migration applied to the database saved, e.g. "8" or "4.1"
 * @param createdAt     when the snapshot was taken
 * @param database      the database product and version it was read from
 */
public record Manifest(int format, String schemaVersion, Instant createdAt, String database, List<Table> tables) {

    public static final int FORMAT = 1;
    public static final String FILE = "manifest.json";

    static final JsonMapper JSON = JsonMapper.builder().build();

    public Manifest {
        tables = List.copyOf(tables);
    }

    /**
     * One table: its file in the zip ({@code tables/NAME.jsonl}), its columns in file order, rows and SHA-256 (hex)
     * of the file's bytes.
     */
    public record Table(String name, String file, List<String> columns, long rows, String sha256) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    /** Reads the manifest of a backup file, refusing a file that is not a zip or has no readable manifest. */
    public static Manifest read(Path zip) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return read(z, zip);
        } catch (ZipException e) {
            throw new BackupException("Tệp " + zip.getFileName() + " không phải là tệp sao lưu (không đọc được dạng zip)");
        } catch (IOException e) {
            throw new BackupException("Không đọc được tệp " + zip + ": " + e.getMessage(), e);
        }
    }

    static Manifest read(ZipFile z, Path zip) throws IOException {
        ZipEntry entry = z.getEntry(FILE);
        if (entry == null) {
            throw new BackupException("Tệp " + zip.getFileName() + " không có " + FILE + ": không phải là bản sao lưu KeHoach");
        }
        Manifest m;
        try (InputStream in = z.getInputStream(entry)) {
            m = JSON.readValue(in, Manifest.class);
        } catch (JacksonException e) {
            throw new BackupException(FILE + " trong " + zip.getFileName() + " bị hỏng: " + e.getOriginalMessage());
        }
        if (m.format() != FORMAT) {
            throw new BackupException("Bản sao lưu có định dạng " + m.format() + ", chương trình này chỉ đọc định dạng " + FORMAT);
        }
        if (m.schemaVersion() == null || m.tables() == null || m.tables().isEmpty()) {
            throw new BackupException(FILE + " trong " + zip.getFileName() + " thiếu phiên bản lược đồ hoặc danh sách bảng");
        }
        return m;
    }
}
