package vn.kehoach.evidence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.tika.Tika;

import vn.kehoach.evidence.EvidenceException;
import vn.kehoach.problem.ProblemType;

/**
 * The type of an evidence file, read from its bytes (Apache Tika's magic numbers) and never from its name or the type
 * the browser declared: only PDF, JPEG, PNG, WebP, DOCX, XLSX, ODT and ODS are accepted, each under its own name
 * ending. A Word or Excel file is a zip; it is told from any other zip (and from a macro-enabled one) by the parts it
 * holds, read from the zip's directory without unpacking anything.
 */
public final class FileTypes {

    /** An accepted type: its MIME type, the name it is called by and the name endings it may carry. */
    public record Accepted(String mimeType, String label, List<String> extensions) {
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Map<String, Accepted> ACCEPTED = new LinkedHashMap<>();

    static {
        accept("application/pdf", "PDF", "pdf");
        accept("image/jpeg", "ảnh JPEG", "jpg", "jpeg");
        accept("image/png", "ảnh PNG", "png");
        accept("image/webp", "ảnh WebP", "webp");
        accept(DOCX, "văn bản Word (DOCX)", "docx");
        accept(XLSX, "bảng tính Excel (XLSX)", "xlsx");
        accept("application/vnd.oasis.opendocument.text", "văn bản ODT", "odt");
        accept("application/vnd.oasis.opendocument.spreadsheet", "bảng tính ODS", "ods");
    }

    /** What refused types are called, so the refusal says what the file really is. */
    private static final Map<String, String> REFUSED_LABELS = Map.ofEntries(
            Map.entry("text/html", "trang HTML"),
            Map.entry("application/xhtml+xml", "trang HTML"),
            Map.entry("image/svg+xml", "ảnh SVG (có thể chứa mã chạy)"),
            Map.entry("application/x-dosexec", "chương trình chạy được (EXE)"),
            Map.entry("application/x-msdownload", "chương trình chạy được (EXE)"),
            Map.entry("application/x-executable", "chương trình chạy được"),
            Map.entry("application/x-sh", "tệp lệnh (script)"),
            Map.entry("text/x-python", "tệp lệnh (script)"),
            Map.entry("text/javascript", "tệp lệnh JavaScript"),
            Map.entry("application/javascript", "tệp lệnh JavaScript"),
            Map.entry("application/zip", "tệp nén ZIP"),
            Map.entry("application/x-tika-ooxml", "tệp Office chứa macro hoặc không rõ loại"),
            Map.entry("application/x-tika-msoffice", "tệp Office đời cũ (DOC/XLS)"),
            Map.entry("application/x-msdownload;format=pe", "chương trình chạy được (EXE)"),
            Map.entry("text/plain", "văn bản thuần"),
            Map.entry("application/xml", "tệp XML"),
            Map.entry("application/octet-stream", "dữ liệu không rõ loại"));

    private static final Tika TIKA = new Tika();

    private FileTypes() {
    }

    private static void accept(String mime, String label, String... extensions) {
        ACCEPTED.put(mime, new Accepted(mime, label, List.of(extensions)));
    }

    /** "PDF, ảnh JPEG, …": what may be attached, for refusals and the upload form. */
    public static String acceptedList() {
        return String.join(", ", ACCEPTED.values().stream()
                .map(a -> a.label() + " (." + String.join("/.", a.extensions()) + ")").toList());
    }

    /** The name endings for the upload form's {@code accept} attribute: ".pdf,.jpg,…". */
    public static String acceptAttribute() {
        return String.join(",", ACCEPTED.values().stream().flatMap(a -> a.extensions().stream()).map(e -> "." + e)
                .toList());
    }

    /**
     * The accepted type of the content, checked against the file's name ending; refused (naming the file and what
     * its content really is) when the type is not accepted or the ending says something else.
     */
    public static Accepted check(String fileName, byte[] content) {
        String detected = detect(content);
        Accepted type = ACCEPTED.get(detected);
        String ext = extension(fileName);
        if (type == null) {
            throw new EvidenceException(ProblemType.BAD_INPUT, "Tệp '" + fileName + "' có nội dung là "
                    + describe(detected) + ": không nhận loại tệp này làm minh chứng. Chỉ nhận " + acceptedList()
                    + ", xét theo nội dung tệp chứ không theo tên", "file", fileName);
        }
        if (!type.extensions().contains(ext)) {
            throw new EvidenceException(ProblemType.BAD_INPUT, "Tệp '" + fileName + "' "
                    + (ext.isEmpty() ? "không có đuôi tên" : "có đuôi ." + ext) + " nhưng nội dung là " + type.label()
                    + " (" + type.mimeType() + "); hãy đặt tên tệp với đuôi ." + type.extensions().get(0)
                    + " cho đúng nội dung", "file", fileName);
        }
        return type;
    }

    private static String describe(String mime) {
        String label = REFUSED_LABELS.get(mime);
        if (label == null && mime.startsWith("application/x-msdownload")) {
            label = REFUSED_LABELS.get("application/x-msdownload");
        }
        return label == null ? mime : label + " (" + mime + ")";
    }

    /** The MIME type of the bytes alone: no name is given to the detector, so a name cannot sway it. */
    static String detect(byte[] content) {
        String magic = TIKA.detect(content);
        if (magic.equals("application/zip") || magic.equals("application/x-tika-ooxml")) {
            return office(content, magic);
        }
        return magic;
    }

    /** A zip is a DOCX or XLSX when it has the package's content types and the main part of one, and no macros. */
    private static String office(byte[] content, String magic) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("kehoach-evidence-", ".zip");
            Files.write(tmp, content);
            try (ZipFile zip = new ZipFile(tmp.toFile())) {
                if (zip.getEntry("[Content_Types].xml") == null) {
                    return "application/zip";
                }
                boolean macros = zip.stream().anyMatch(e -> e.getName().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"));
                if (macros) {
                    return "application/x-tika-ooxml";
                }
                if (zip.getEntry("word/document.xml") != null) {
                    return DOCX;
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return XLSX;
                }
                return "application/x-tika-ooxml";
            }
        } catch (ZipException broken) {
            return magic;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the rest of the temporary folder
                }
            }
        }
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
