package vn.kehoach.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kehoach.audit.Source;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.exchange.internal.CsvTables;
import vn.kehoach.exchange.internal.Dhis2Tables;
import vn.kehoach.exchange.internal.JsonTables;
import vn.kehoach.exchange.internal.PackageWriter;
import vn.kehoach.exchange.internal.Table;
import vn.kehoach.exchange.internal.WorkbookTables;

/**
 * Imports files of every format KeHoach reads: filled templates and package workbooks (.xlsx), the CSV package,
 * the JSON package, DHIS2 dataValueSets (JSON or CSV), a DHIS2 code mapping (CSV with type,kehoach,dhis2) and
 * zips of any of these. Each part — a workbook, a JSON or DHIS2 file, or the package's CSV files together — is
 * stored whole or not at all; with {@link ImportOptions#atomic()} the whole import is. A preview runs the same
 * import and rolls it back, so it shows exactly what storing would change, cell by cell.
 */
@Service
public class FileImport {

    private static final Logger log = LoggerFactory.getLogger(FileImport.class);
    private static final String WORKBOOK = "bảng tính Excel";
    private static final String TEMPLATE = "biểu mẫu nhập liệu";
    /** How many times a file is stored again after another writer's concurrent change undid the attempt. */
    private static final int ATTEMPTS = 4;

    /** A part to store whole: its tables, or the errors that stop it before any write; a DHIS2 file's bytes. */
    private record Part(String name, String format, List<Table> tables, List<ImportError> errors, byte[] dhis2) {
        Part(String name, String format, List<Table> tables, List<ImportError> errors) {
            this(name, format, tables, errors, null);
        }
    }

    private final PackageWriter writer;
    private final TransactionTemplate tx;

    public FileImport(PackageWriter writer, PlatformTransactionManager transactions) {
        this.writer = writer;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What storing the files would change, and every error; nothing is stored. */
    public ImportResult preview(List<IncomingFile> files, ImportOptions options, String user) {
        return run(files, options, user, Source.IMPORT, true);
    }

    /** Stores the files, each part whole or not at all (the whole import, when atomic). */
    public ImportResult store(List<IncomingFile> files, ImportOptions options, String user, Source source) {
        return run(files, options, user, source, false);
    }

    /** Reads files and folders from disk (a folder: its .csv, .xlsx, .json and .zip files) as incoming files. */
    public static List<IncomingFile> read(List<Path> paths, long maxBytes) throws IOException {
        List<IncomingFile> files = new ArrayList<>();
        for (Path p : paths) {
            List<Path> each = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(f -> Files.isRegularFile(f) && supported(f.getFileName().toString())).sorted().forEach(each::add);
                }
            } else if (Files.isRegularFile(p)) {
                each.add(p);
            } else {
                throw new IllegalArgumentException("không có tệp hay thư mục '" + p + "'");
            }
            for (Path f : each) {
                long size = Files.size(f);
                if (size > maxBytes) {
                    throw new IllegalArgumentException(ImportLimits.tooLarge(f.toString(), size, maxBytes));
                }
                files.add(new IncomingFile(f.getFileName().toString(), Files.readAllBytes(f)));
            }
        }
        return files;
    }

    private static boolean supported(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".xlsx") || n.endsWith(".json") || n.endsWith(".zip");
    }

    private ImportResult run(List<IncomingFile> files, ImportOptions options, String user, Source source,
                             boolean preview) {
        Dhis2Mapping[] mapping = {options.mapping()};
        List<Part> parts = parts(files, options, mapping);
        List<ImportOutcome> outcomes = new ArrayList<>();
        if (options.atomic()) {
            Optional<String> busy = retrying(() -> {
                outcomes.clear();
                tx.executeWithoutResult(status -> {
                    for (Part part : parts) {
                        outcomes.add(apply(part, user, source, preview, null));
                    }
                    boolean failed = outcomes.stream().anyMatch(o -> !o.ok());
                    if (preview || failed) {
                        status.setRollbackOnly();
                    }
                });
            });
            if (busy.isPresent()) {
                outcomes.clear();
                parts.forEach(p -> outcomes.add(conflicted(p, busy.get())));
            }
            if (!preview && outcomes.stream().anyMatch(o -> !o.ok())) {
                outcomes.replaceAll(o -> new ImportOutcome(o.name(), o.format(), false, o.report(), o.changes(), o.errors()));
            }
        } else {
            for (Part part : parts) {
                ImportOutcome[] outcome = new ImportOutcome[1];
                Optional<String> busy = retrying(() -> outcome[0] = tx.execute(status -> apply(part, user, source, preview, status)));
                outcomes.add(busy.isPresent() ? conflicted(part, busy.get()) : outcome[0]);
            }
        }
        return new ImportResult(outcomes, preview);
    }

    /**
     * Runs a transaction, again (up to {@link #ATTEMPTS} times, after a short random pause) when it failed because
     * another writer changed the same cells at the same moment (a deadlock, a key taken, a version moved on): a
     * new attempt reads what the other one stored. Empty when it succeeded; else why it was given up.
     */
    private static Optional<String> retrying(Runnable transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.run();
                return Optional.empty();
            } catch (RuntimeException e) {
                if (!ConflictException.concurrent(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    return Optional.of(e instanceof ConflictException c ? c.getMessage() : "");
                }
                log.info("Nhập: lần {} gặp ghi đồng thời ({}), chạy lại", attempt, e.getClass().getSimpleName());
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(10, 60L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return Optional.of("");
                }
            }
        }
    }

    /** A part given up after its retries: nothing of it stored, and the file named. */
    private static ImportOutcome conflicted(Part part, String reason) {
        return new ImportOutcome(part.name(), part.format(), false, null, List.of(), List.of(new ImportError(part.name(), 0,
                null, "xung đột với một lần ghi khác đang sửa cùng số liệu" + (reason.isEmpty() ? "" : " (" + reason + ")")
                + "; chưa lưu gì của tệp này, hãy nhập lại")));
    }

    /** Applies one part; on its own transaction (status given) it rolls back on error or in a preview. */
    private ImportOutcome apply(Part part, String user, Source source, boolean preview, TransactionStatus status) {
        List<Change> changes = new ArrayList<>();
        if (!part.errors().isEmpty()) {
            return new ImportOutcome(part.name(), part.format(), false, null, changes, part.errors());
        }
        try {
            List<ImportError> warnings = new ArrayList<>();
            ImportReport report = writer.apply(part.tables(), user, source, part.errors(), changes, warnings);
            if (preview && status != null) {
                status.setRollbackOnly();
            }
            return new ImportOutcome(part.name(), part.format(), !preview, report, changes, List.of(), warnings);
        } catch (ImportException e) {
            if (status != null) {
                status.setRollbackOnly();
            }
            return new ImportOutcome(part.name(), part.format(), false, null, List.of(), e.errors());
        }
    }

    private List<Part> parts(List<IncomingFile> files, ImportOptions options, Dhis2Mapping[] mapping) {
        List<Part> parts = new ArrayList<>();
        List<IncomingFile> mappings = new ArrayList<>();
        collect(files, "", options, parts, mappings, false);
        for (IncomingFile m : mappings) {
            try {
                mapping[0] = Dhis2Mapping.read(m.name(), new ByteArrayInputStream(m.bytes()));
            } catch (IllegalArgumentException e) {
                parts.add(0, new Part(m.name(), "bảng ánh xạ DHIS2", List.of(),
                        List.of(new ImportError(m.name(), 0, null, e.getMessage()))));
            }
        }
        List<Part> out = new ArrayList<>();
        for (Part p : parts) {
            out.add(p.dhis2() != null && p.errors().isEmpty() ? dhis2(p, mapping[0]) : p);
        }
        return out;
    }

    /**
     * Sorts files into parts: the package's CSV files of one container (the upload, or one zip) make one part,
     * first; every other file its own. DHIS2 files are read once the mapping (which may come later) is known.
     */
    private void collect(List<IncomingFile> files, String container, ImportOptions options, List<Part> parts,
                         List<IncomingFile> mappings, boolean inZip) {
        List<CsvFile> csv = new ArrayList<>();
        List<Part> others = new ArrayList<>();
        for (IncomingFile f : files) {
            String name = container + f.name();
            String lower = f.name().toLowerCase(Locale.ROOT);
            List<ImportError> errors = new ArrayList<>();
            if (f.size() > options.maxBytes()) {
                others.add(new Part(name, "?", List.of(), List.of(new ImportError(name, 0, null,
                        ImportLimits.tooLarge(name, f.size(), options.maxBytes())))));
            } else if (lower.endsWith(".zip")) {
                if (inZip) {
                    others.add(new Part(name, "zip", List.of(), List.of(new ImportError(name, 0, null,
                            "tệp nén nằm trong tệp nén khác; hãy giải nén ra rồi nén lại thành một tệp"))));
                } else {
                    List<IncomingFile> entries = unzip(name, f.bytes(), errors);
                    if (!errors.isEmpty()) {
                        others.add(new Part(name, "zip", List.of(), errors));
                    } else {
                        collect(entries, name + ": ", options, parts, mappings, true);
                    }
                }
            } else if (lower.endsWith(".csv")) {
                String text = new String(f.bytes(), StandardCharsets.UTF_8);
                CsvFile file = new CsvFile(name, text);
                String header = firstLine(file.content());
                if (header.startsWith("type,kehoach,dhis2")) {
                    mappings.add(new IncomingFile(name, f.bytes()));
                } else if (header.startsWith("dataelement")) {
                    others.add(new Part(name, "DHIS2 CSV", List.of(), errors, f.bytes()));
                } else {
                    csv.add(file);
                }
            } else if (lower.endsWith(".json")) {
                List<Table> tables = JsonTables.read(name, f.bytes(), errors);
                if (tables == null) {
                    others.add(new Part(name, "DHIS2 JSON", List.of(), errors, f.bytes()));
                } else {
                    others.add(new Part(name, "JSON", tables, errors));
                }
            } else if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls")
                    || WorkbookTables.notAWorkbook(f.bytes()) == null) {
                List<Table> tables = WorkbookTables.read(name, f.bytes(), errors);
                boolean template = tables.stream().anyMatch(t -> t.binding() != null);
                others.add(new Part(name, template ? TEMPLATE : WORKBOOK, tables, errors));
            } else {
                others.add(new Part(name, "?", List.of(), List.of(new ImportError(name, 0, null,
                        "không nhận ra định dạng của tệp; KeHoach nhập bảng tính .xlsx, tệp .csv, .json và tệp nén .zip"
                                + " của chúng"))));
            }
        }
        if (!csv.isEmpty()) {
            List<ImportError> errors = new ArrayList<>();
            List<Table> tables = new ArrayList<>();
            for (CsvFile f : csv) {
                Table t = CsvTables.read(f, errors);
                if (t != null) {
                    tables.add(t);
                }
            }
            String name = csv.size() == 1 ? csv.get(0).name() : (container.isEmpty() ? "" : container)
                    + csv.size() + " tệp CSV (" + String.join(", ", csv.stream().map(c -> c.name()
                    .substring(container.length())).toList()) + ")";
            parts.add(new Part(name, "CSV", tables, errors));
        }
        parts.addAll(others);
    }

    private Part dhis2(Part p, Dhis2Mapping mapping) {
        byte[] bytes = p.dhis2();
        boolean csv = p.format().equals("DHIS2 CSV");
        List<ImportError> errors = new ArrayList<>();
        try {
            Dhis2DataValueSet set = csv ? Dhis2DataValueSets.readCsv(new ByteArrayInputStream(bytes))
                    : Dhis2DataValueSets.read(new ByteArrayInputStream(bytes));
            return new Part(p.name(), p.format(), List.of(Dhis2Tables.values(p.name(), csv, set, mapping, errors)), errors);
        } catch (IllegalArgumentException e) {
            errors.add(new ImportError(p.name(), 0, null, e.getMessage()));
            return new Part(p.name(), p.format(), List.of(), errors);
        }
    }

    private static String firstLine(String content) {
        for (String line : content.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                return line.strip().toLowerCase(Locale.ROOT).replace("\"", "").replace(" ", "");
            }
        }
        return "";
    }

    /** The zip's files; a corrupted zip, one too big unpacked or with too many files is an error naming it. */
    private static List<IncomingFile> unzip(String name, byte[] bytes, List<ImportError> errors) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("kehoach-import", ".zip");
            Files.write(tmp, bytes);
            try {
                return entries(name, tmp, StandardCharsets.UTF_8, errors);
            } catch (IllegalArgumentException malformedName) {
                // Zips made by Windows' own "send to compressed folder" name files in the old DOS code page.
                errors.clear();
                return entries(name, tmp, Charset.forName("IBM437"), errors);
            }
        } catch (ZipException e) {
            errors.add(new ImportError(name, 0, null, "tệp nén bị hỏng, không mở được (" + e.getMessage()
                    + "); hãy nén lại rồi tải lên"));
        } catch (IOException e) {
            errors.add(new ImportError(name, 0, null, "không đọc được tệp nén: " + e.getMessage()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the system's temporary folder
                }
            }
        }
        return List.of();
    }

    private static List<IncomingFile> entries(String name, Path zip, Charset charset, List<ImportError> errors)
            throws IOException {
        List<IncomingFile> out = new ArrayList<>();
        long total = 0;
        try (ZipFile z = new ZipFile(zip.toFile(), charset)) {
            if (z.size() > ImportLimits.MAX_ZIP_ENTRIES) {
                errors.add(new ImportError(name, 0, null, "tệp nén có " + z.size() + " tệp, quá giới hạn "
                        + ImportLimits.MAX_ZIP_ENTRIES));
                return List.of();
            }
            Enumeration<? extends ZipEntry> all = z.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String entry = e.getName();
                String base = entry.substring(entry.lastIndexOf('/') + 1);
                if (e.isDirectory() || entry.startsWith("__MACOSX/") || base.startsWith(".") || base.isEmpty()) {
                    continue;
                }
                byte[] content;
                try (InputStream in = z.getInputStream(e)) {
                    content = in.readNBytes((int) Math.min(ImportLimits.MAX_UNZIPPED_BYTES - total + 1, Integer.MAX_VALUE - 16));
                } catch (ZipException bad) {
                    errors.add(new ImportError(name + ": " + entry, 0, null, "tệp trong tệp nén bị hỏng ("
                            + bad.getMessage() + "); hãy nén lại rồi tải lên"));
                    continue;
                }
                total += content.length;
                if (total > ImportLimits.MAX_UNZIPPED_BYTES) {
                    errors.add(new ImportError(name, 0, null, "tệp nén khi giải nén vượt quá "
                            + ImportLimits.megabytes(ImportLimits.MAX_UNZIPPED_BYTES)));
                    return List.of();
                }
                out.add(new IncomingFile(entry, content));
            }
        }
        if (out.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportError(name, 0, null, "tệp nén không có tệp nào"));
        }
        return out;
    }
}
