package vn.kehoach.document;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.document.internal.Composition;
import vn.kehoach.document.internal.WordRoundTrip;
import vn.kehoach.document.internal.WordRoundTrip.Found;
import vn.kehoach.document.internal.WordRoundTrip.Kind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;

/**
 * A plan document's Word file coming back: the planner downloads the DOCX, edits the prose in Word and uploads it.
 * The file's free-text blocks are matched by their content controls' tags and compared with what is stored; the
 * changed ones are shown old → new ({@link #read}) and stored only when the planner confirms ({@link #store}), with
 * the versions the file was written from, so that a block someone saved in between is refused (409), as a block save
 * is. A paragraph the system wrote from figures and edited in Word is refused, naming the figure: figures come from
 * data. A file that is not a DOCX, is broken, too large or belongs to another unit or year is refused saying which;
 * nothing is stored then. Access is decided by {@link PlanDocuments}: only whoever may write the unit's documents.
 */
@Service
@Transactional(readOnly = true)
public class WordUploads {

    /** A plan document in Word is a few hundred KB; ten megabytes leaves room for pasted pictures. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final PlanDocuments documents;
    private final PlanDocumentWriter writer;
    private final OrgUnits orgUnits;

    public WordUploads(PlanDocuments documents, PlanDocumentWriter writer, OrgUnits orgUnits) {
        this.documents = documents;
        this.writer = writer;
        this.orgUnits = orgUnits;
    }

    /**
     * A changed block: its stored text ({@code before}, empty when nothing is stored), the file's ({@code after}),
     * the version the file was written from, whether someone saved the block since ({@code stale}), the year of the
     * draft the stored-nothing block showed, and the comparison paragraph by paragraph.
     */
    public record BlockChange(String key, String title, String section, String before, String after, int version,
                              int storedVersion, boolean stale, Integer draftFrom, List<TextDiff.Line> diff) {

        public boolean keepsDraft() {
            return draftFrom != null;
        }
    }

    /** What an uploaded file would change, and what in it is not taken (notes), before anything is stored. */
    public record Upload(String unitCode, String unitName, int year, String fileName, List<BlockChange> changes,
                         List<String> notes) {
    }

    /** Reads the uploaded file and compares it with the stored document; stores nothing. */
    public Upload read(String unitCode, int year, String fileName, byte[] bytes) {
        OrgUnit unit = documents.writable(unitCode);
        String name = fileName == null || fileName.isBlank() ? "tệp tải lên" : fileName;
        WordRoundTrip.Read file = open(name, bytes);
        checkOwner(unit, year, name, file);
        List<TextBlock> blocks = documents.blocks(unit.code(), year);
        checkFigures(unit, year, name, file);
        Map<String, List<String>> lines = new LinkedHashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        List<String> notes = new ArrayList<>();
        boolean inBody = false;
        for (Found f : file.paragraphs()) {
            // The title lines before the first marked paragraph are the document's own, not the planner's.
            inBody |= f.kind() != Kind.ADDED;
            if ((f.kind() == Kind.BLOCK || f.kind() == Kind.ADDED) && f.key() != null) {
                lines.computeIfAbsent(f.key(), k -> new ArrayList<>()).addAll(TextDiff.paragraphs(nfc(f.text())));
                versions.putIfAbsent(f.key(), f.version());
            } else if (f.kind() == Kind.ADDED && !f.text().isBlank() && inBody) {
                notes.add("Đoạn nằm ngoài các ô đoạn văn, không nhập: “" + cut(f.text()) + "” (viết vào trong ô của đoạn "
                        + "văn, hoặc sửa trên trang)");
            }
        }
        if (lines.isEmpty() && file.paragraphs().stream().noneMatch(f -> f.kind() == Kind.GENERATED)) {
            throw new IllegalArgumentException("Tệp '" + name + "' không còn ô nội dung nào của KeHoach (các đoạn văn nằm "
                    + "trong ô nội dung có thẻ kehoach:block:…): hãy tải tệp Word từ trang soạn văn bản, sửa trong các ô "
                    + "rồi tải lên");
        }
        Map<String, TextBlock> byKey = new LinkedHashMap<>();
        blocks.forEach(b -> byKey.put(b.key(), b));
        for (String key : lines.keySet()) {
            if (!byKey.containsKey(key)) {
                notes.add("Ô đoạn văn '" + key + "' không có trong bố cục văn bản hiện tại, không nhập");
            }
        }
        List<BlockChange> changes = new ArrayList<>();
        for (TextBlock b : blocks) {
            List<String> now = lines.get(b.key());
            String stored = b.version() == 0 ? "" : nfc(b.body());
            if (now == null) {
                if (!TextDiff.paragraphs(stored).isEmpty()) {
                    notes.add("Đoạn '" + b.title() + "' không có trong tệp: giữ nguyên bản đã lưu (muốn xóa thì xóa trên trang)");
                }
                continue;
            }
            String after = String.join("\n", now);
            if (TextDiff.paragraphs(stored).equals(now)) {
                continue;
            }
            int fileVersion = versions.getOrDefault(b.key(), 0);
            boolean draft = b.draftFrom() != null && TextDiff.paragraphs(nfc(b.body())).equals(now);
            changes.add(new BlockChange(b.key(), b.title(), b.section(), stored, after, fileVersion, b.version(),
                    fileVersion != b.version(), draft ? b.draftFrom() : null, TextDiff.of(stored, after)));
        }
        return new Upload(unit.code(), unit.name(), year, name, changes, notes);
    }

    /**
     * Stores the blocks the planner confirmed, each from the version the file was written from: all or none, a stale
     * one refused (409) naming who saved it.
     */
    @Transactional
    public List<TextBlock> store(String unitCode, int year, List<PlanDocuments.BlockEdit> edits, String user) {
        return documents.saveBlocks(unitCode, year, edits, user, "từ tệp Word");
    }

    /** Reads and stores in one go (the API's {@code confirm=true}, the command line's {@code --apply}). */
    @Transactional
    public Upload readAndStore(String unitCode, int year, String fileName, byte[] bytes, String user) {
        Upload u = read(unitCode, year, fileName, bytes);
        store(unitCode, year, u.changes().stream().map(c -> new PlanDocuments.BlockEdit(c.key(), c.after(), c.version()))
                .toList(), user);
        return u;
    }

    private static WordRoundTrip.Read open(String name, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("Tệp '" + name + "' trống: hãy chọn tệp Word (.docx) đã tải về từ trang soạn văn bản");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(String.format(java.util.Locale.forLanguageTag("vi"),
                    "Tệp '%s' quá lớn (%.1f MB): văn bản kế hoạch dạng Word chỉ vài trăm KB, tối đa %d MB", name,
                    bytes.length / 1048576.0, MAX_BYTES / 1048576));
        }
        if (starts(bytes, 0x25, 0x50, 0x44, 0x46)) {
            throw new IllegalArgumentException("Tệp '" + name + "' là tệp PDF, không phải tệp Word (.docx): PDF không nhập "
                    + "lại được, hãy tải về bản Word (DOCX), sửa rồi tải lên");
        }
        if (starts(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new IllegalArgumentException("Tệp '" + name + "' là tệp Word 97-2003 (.doc): hãy mở bằng Word, lưu lại "
                    + "dạng Word Document (.docx) rồi tải lên");
        }
        if (!starts(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            throw new IllegalArgumentException("Tệp '" + name + "' không phải tệp Word (.docx): hãy tải lên tệp DOCX đã tải "
                    + "về từ trang soạn văn bản");
        }
        try {
            return WordRoundTrip.read(bytes);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("Tệp '" + name + "' bị hỏng hoặc không phải tệp Word (.docx), không đọc được ("
                    + cut(why) + "): hãy lưu lại bằng Word dạng .docx hoặc tải tệp mới từ trang soạn văn bản");
        }
    }

    private void checkOwner(OrgUnit unit, int year, String name, WordRoundTrip.Read file) {
        if (file.unitCode() == null || file.year() == null) {
            throw new IllegalArgumentException("Tệp '" + name + "' không mang thông tin đơn vị và năm của KeHoach (thuộc tính "
                    + "kehoach.unit, kehoach.year): chỉ nhập được tệp Word tải về từ trang soạn văn bản");
        }
        if (!file.unitCode().equalsIgnoreCase(unit.code()) || file.year() != year) {
            String owner = orgUnits.find(file.unitCode()).map(OrgUnit::name).orElse(file.unitCode());
            throw new IllegalArgumentException("Tệp '" + name + "' là văn bản kế hoạch của " + owner + " năm " + file.year()
                    + ", không phải của " + unit.name() + " năm " + year + ": hãy tải lên ở trang của văn bản đó");
        }
    }

    /**
     * Refuses the file when a paragraph written from figures was edited: its text no longer has the hash it was
     * written with. Paragraphs Word split are joined first (a split alone changes no figure).
     */
    private void checkFigures(OrgUnit unit, int year, String name, WordRoundTrip.Read file) {
        List<List<Found>> groups = new ArrayList<>();
        Found previous = null;
        for (Found f : file.paragraphs()) {
            if (f.kind() == Kind.GENERATED) {
                if (previous != null && previous.kind() == Kind.GENERATED && previous.hash().equals(f.hash())
                        && previous.figures().equals(f.figures())) {
                    groups.get(groups.size() - 1).add(f);
                } else {
                    groups.add(new ArrayList<>(List.of(f)));
                }
            }
            previous = f;
        }
        List<String> problems = new ArrayList<>();
        Map<List<String>, List<Composition.Para>> current = null;
        Map<List<String>, Integer> used = new HashMap<>();
        for (List<Found> g : groups) {
            StringBuilder text = new StringBuilder();
            g.forEach(f -> text.append(f.text()));
            Found first = g.get(0);
            if (WordRoundTrip.hash(text.toString()).equals(first.hash())) {
                continue;
            }
            if (current == null) {
                current = generated(unit.code(), year);
            }
            List<Composition.Para> same = current.getOrDefault(first.figures(), List.of());
            int i = used.merge(first.figures(), 1, Integer::sum) - 1;
            Composition.Para now = i < same.size() ? same.get(i) : null;
            problems.add(edited(now, first, text.toString()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Tệp '" + name + "' không được nhập: " + String.join("; ", problems)
                    + ". Số liệu lấy từ dữ liệu, không sửa trong văn bản: hãy nhập số liệu ở trang Nhập số liệu (hoặc sửa "
                    + "mẫu câu ở trang Mẫu câu, bố cục và biểu mẫu), trả các đoạn đó về như cũ rồi tải lên lại.");
        }
    }

    /** The paragraphs the system writes now, by the figures they state. */
    private Map<List<String>, List<Composition.Para>> generated(String unitCode, int year) {
        Map<List<String>, List<Composition.Para>> out = new HashMap<>();
        for (Composition.Block b : writer.compose(unitCode, year).body()) {
            if (b instanceof Composition.Para p && p.origin() != null
                    && p.origin().kind() == Composition.Origin.Kind.GENERATED) {
                out.computeIfAbsent(p.origin().figures(), k -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    /**
     * "đoạn về 'Sản lượng lương thực có hạt' đã bị sửa": the figure whose words the edit falls in, found by where
     * the edited text first and last differs from the text written now (when the data did not change since); else
     * every figure the paragraph states.
     */
    private static String edited(Composition.Para now, Found found, String text) {
        List<String> labels = now == null ? found.figures() : now.origin().labels();
        List<String> named = new ArrayList<>();
        if (now != null) {
            String was = paragraphText(now);
            if (WordRoundTrip.hash(was).equals(found.hash())) {
                int start = 0;
                while (start < was.length() && start < text.length() && was.charAt(start) == text.charAt(start)) {
                    start++;
                }
                int end = was.length();
                int end2 = text.length();
                while (end > start && end2 > start && was.charAt(end - 1) == text.charAt(end2 - 1)) {
                    end--;
                    end2--;
                }
                int last = Math.max(start, end - 1);
                java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
                String lower = was.toLowerCase(vi);
                List<Integer> at = new ArrayList<>();
                for (String l : labels) {
                    at.add(lower.indexOf(l.toLowerCase(vi)));
                }
                // Clause i runs from its label to the next one's; the first also takes the paragraph's opening words.
                for (int i = 0; i < labels.size(); i++) {
                    if (at.get(i) < 0) {
                        continue;
                    }
                    int from = i == 0 ? 0 : at.get(i);
                    int to = was.length();
                    for (int j = i + 1; j < labels.size(); j++) {
                        if (at.get(j) > at.get(i)) {
                            to = at.get(j);
                            break;
                        }
                    }
                    if (from <= last && to > start) {
                        named.add(labels.get(i));
                    }
                }
            }
        }
        if (named.isEmpty()) {
            named = labels;
        }
        return "đoạn về " + String.join(", ", named.stream().map(l -> "'" + l + "'").toList()) + " đã bị sửa (“"
                + cut(text) + "”)";
    }

    /** A paragraph's text as the file holds it: footnotes as ^[…]. */
    private static String paragraphText(Composition.Para p) {
        StringBuilder sb = new StringBuilder();
        for (Composition.Run r : p.runs()) {
            sb.append(r.footnote() == null ? r.text() : "^[" + r.footnote() + "]");
        }
        return sb.toString();
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String cut(String s) {
        String t = Objects.requireNonNullElse(s, "").strip().replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 117) + "…" : t;
    }
}
