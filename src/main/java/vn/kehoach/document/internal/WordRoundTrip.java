package vn.kehoach.document.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import javax.xml.namespace.QName;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;

import vn.kehoach.document.internal.Composition.Origin;

/**
 * What lets a plan document go to Word and come back: each paragraph the system writes sits in a content control
 * (w:sdt) whose tag says where it comes from — {@code kehoach:block:KEY:VERSION} for a planner's free-text block,
 * {@code kehoach:generated:FIGURES:HASH} for a paragraph written from figures (the hash of its text as written, so a
 * hand edit is seen), {@code kehoach:heading} and {@code kehoach:fixed} for headings and the outline's fixed lines —
 * and the file carries its unit, year and version as custom document properties. Word keeps content controls and
 * their tags through editing, copying and saving; a paragraph typed after a block's paragraph (Enter at its end)
 * falls outside the control and is taken as part of that block.
 */
public final class WordRoundTrip {

    static final String PREFIX = "kehoach:";
    static final String UNIT = "kehoach.unit";
    static final String YEAR = "kehoach.year";
    static final String VERSION = "kehoach.version";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private WordRoundTrip() {
    }

    /**
     * Who the file belongs to: the unit, the year, the document's version and each block's version when it was
     * written (0: not stored, a draft or empty).
     */
    public record Stamp(String unitCode, int year, int version, Map<String, Integer> blockVersions) {
        public Stamp {
            blockVersions = blockVersions == null ? Map.of() : Map.copyOf(blockVersions);
        }
    }

    /** The unit, year and version as custom document properties (Word: Tệp › Thông tin › Thuộc tính nâng cao). */
    static void stamp(XWPFDocument doc, Stamp s) {
        POIXMLProperties.CustomProperties custom = doc.getProperties().getCustomProperties();
        custom.addProperty(UNIT, s.unitCode());
        custom.addProperty(YEAR, s.year());
        custom.addProperty(VERSION, s.version());
        doc.getProperties().getCoreProperties().setCreator("KeHoach");
    }

    /** Puts what the paragraph says in a content control tagged with where it comes from. */
    static void mark(XWPFDocument doc, XWPFParagraph p, Composition.Block from, Stamp s) {
        String tag;
        String alias;
        if (from instanceof Composition.Heading) {
            tag = PREFIX + "heading";
            alias = null;
        } else if (from instanceof Composition.Para para && para.origin() != null
                && para.origin().kind() == Origin.Kind.BLOCK) {
            Integer v = s.blockVersions().get(para.origin().key());
            tag = PREFIX + "block:" + para.origin().key() + ":" + (v == null ? 0 : v);
            alias = para.origin().labels().isEmpty() ? para.origin().key() : para.origin().labels().get(0);
        } else if (from instanceof Composition.Para para && para.origin() != null
                && para.origin().kind() == Origin.Kind.GENERATED) {
            tag = PREFIX + "generated:" + String.join(",", para.origin().figures()) + ":"
                    + hash(text(p.getCTP(), notes(doc)));
            alias = "Số liệu do hệ thống viết, sửa số liệu trong dữ liệu";
        } else {
            tag = PREFIX + "fixed";
            alias = null;
        }
        wrap(p.getCTP(), tag, alias);
    }

    /** Moves the paragraph's runs into an inline content control, so the paragraph itself stays where it was. */
    private static void wrap(CTP ctp, String tag, String alias) {
        List<XmlObject> children = new ArrayList<>();
        try (XmlCursor c = ctp.newCursor()) {
            if (c.toFirstChild()) {
                do {
                    if (!"pPr".equals(c.getName().getLocalPart())) {
                        children.add(c.getObject());
                    }
                } while (c.toNextSibling());
            }
        }
        CTSdtRun sdt = ctp.addNewSdt();
        CTSdtPr pr = sdt.addNewSdtPr();
        if (alias != null) {
            pr.addNewAlias().setVal(alias);
        }
        pr.addNewTag().setVal(tag);
        var content = sdt.addNewSdtContent();
        for (XmlObject child : children) {
            try (XmlCursor from = child.newCursor(); XmlCursor to = content.newCursor()) {
                to.toEndToken();
                from.moveXml(to);
            }
        }
    }

    /** Footnote text by id, as the file holds it. */
    private static IntFunction<String> notes(XWPFDocument doc) {
        return id -> {
            XWPFFootnote note = doc.getFootnoteByID(id);
            if (note == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (XWPFParagraph np : note.getParagraphs()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(text(np.getCTP(), i -> ""));
            }
            return sb.toString().strip();
        };
    }

    /** The first eight bytes of the SHA-256 of the text (NFC), in hex: enough to see a change. */
    public static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    Normalizer.normalize(text, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A paragraph's text as a block stores it: the text of its runs wherever they sit (content controls, tracked
     * insertions, links), deletions left out, a line break a new line, a footnote "^[its text]".
     */
    static String text(XmlObject p, IntFunction<String> notes) {
        StringBuilder sb = new StringBuilder();
        collect(p, sb, notes);
        return sb.toString();
    }

    private static void collect(XmlObject x, StringBuilder sb, IntFunction<String> notes) {
        try (XmlCursor c = x.newCursor()) {
            if (!c.toFirstChild()) {
                return;
            }
            do {
                String name = c.getName().getLocalPart();
                switch (name) {
                    case "t" -> sb.append(c.getTextValue());
                    case "tab" -> sb.append(' ');
                    case "br", "cr" -> sb.append('\n');
                    case "noBreakHyphen" -> sb.append('-');
                    case "footnoteReference" -> {
                        String id = c.getAttributeText(new QName(W, "id"));
                        sb.append("^[").append(id == null ? "" : notes.apply(Integer.parseInt(id))).append(']');
                    }
                    case "pPr", "rPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "delText", "instrText",
                         "footnoteRef", "fldChar", "bookmarkStart", "bookmarkEnd", "proofErr", "commentReference" -> {
                    }
                    default -> collect(c.getObject(), sb, notes);
                }
            } while (c.toNextSibling());
        }
    }

    // ---- reading an uploaded file ----

    /** What a paragraph of an uploaded file is. */
    public enum Kind { BLOCK, GENERATED, HEADING, FIXED, ADDED }

    /**
     * A paragraph of the uploaded body: its kind, the block's key and version (BLOCK), the figures and hash as
     * written (GENERATED), and its text now. An ADDED paragraph has no control of its own; one right after a block's
     * paragraph was taken into that block ({@code key} set).
     */
    public record Found(Kind kind, String key, int version, List<String> figures, String hash, String text) {
    }

    /** The uploaded file: its stamp (null where the file has none) and its body's paragraphs in order. */
    public record Read(String unitCode, Integer year, Integer version, List<Found> paragraphs) {
    }

    /** Reads a DOCX that this class wrote, after whatever Word did to it. */
    public static Read read(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            POIXMLProperties.CustomProperties custom = doc.getProperties().getCustomProperties();
            String unit = property(custom, UNIT);
            Integer year = number(property(custom, YEAR));
            Integer version = number(property(custom, VERSION));
            List<Found> out = new ArrayList<>();
            IntFunction<String> notes = notes(doc);
            try (XmlCursor c = doc.getDocument().getBody().newCursor()) {
                if (c.toFirstChild()) {
                    do {
                        XmlObject o = c.getObject();
                        if (o instanceof CTTbl && out.stream().anyMatch(f -> f.kind() != Kind.ADDED)) {
                            break; // the signature table: the body is over
                        }
                        body(o, null, notes, out);
                    } while (c.toNextSibling());
                }
            }
            return new Read(unit, year, version, out);
        }
    }

    private static void body(XmlObject o, String enclosingTag, IntFunction<String> notes, List<Found> out) {
        if (o instanceof CTP p) {
            String tag = enclosingTag != null ? enclosingTag : inlineTag(p);
            out.add(found(tag, text(p, notes), out));
        } else if (o instanceof CTSdtBlock sdt) {
            String tag = sdt.getSdtPr() != null && sdt.getSdtPr().isSetTag() ? sdt.getSdtPr().getTag().getVal() : null;
            String own = tag != null && tag.startsWith(PREFIX) ? tag : enclosingTag;
            if (sdt.getSdtContent() != null) {
                try (XmlCursor c = sdt.getSdtContent().newCursor()) {
                    if (c.toFirstChild()) {
                        do {
                            body(c.getObject(), own, notes, out);
                        } while (c.toNextSibling());
                    }
                }
            }
        }
    }

    /** The first KeHoach tag of a content control inside the paragraph. */
    private static String inlineTag(CTP p) {
        try (XmlCursor c = p.newCursor()) {
            c.selectPath("declare namespace w='" + W + "' .//w:sdtPr/w:tag");
            while (c.toNextSelection()) {
                String v = c.getAttributeText(new QName(W, "val"));
                if (v != null && v.startsWith(PREFIX)) {
                    return v;
                }
            }
        }
        return null;
    }

    private static Found found(String tag, String text, List<Found> before) {
        if (tag == null) {
            // Typed after a block's paragraph: part of that block.
            Found last = before.isEmpty() ? null : before.get(before.size() - 1);
            if (last != null && last.kind() == Kind.BLOCK || last != null && last.kind() == Kind.ADDED && last.key() != null) {
                return new Found(Kind.ADDED, last.key(), last.version(), List.of(), null, text);
            }
            return new Found(Kind.ADDED, null, 0, List.of(), null, text);
        }
        String[] parts = tag.substring(PREFIX.length()).split(":", -1);
        return switch (parts[0]) {
            case "block" -> new Found(Kind.BLOCK, parts.length > 1 ? parts[1] : "", parts.length > 2 ? parse(parts[2]) : 0,
                    List.of(), null, text);
            case "generated" -> new Found(Kind.GENERATED, null, 0,
                    parts.length > 1 && !parts[1].isEmpty() ? List.of(parts[1].split(",")) : List.of(),
                    parts.length > 2 ? parts[2] : "", text);
            case "heading" -> new Found(Kind.HEADING, null, 0, List.of(), null, text);
            default -> new Found(Kind.FIXED, null, 0, List.of(), null, text);
        };
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String property(POIXMLProperties.CustomProperties custom, String name) {
        var p = custom.getProperty(name);
        if (p == null) {
            return null;
        }
        if (p.isSetLpwstr()) {
            return p.getLpwstr();
        }
        if (p.isSetI4()) {
            return String.valueOf(p.getI4());
        }
        if (p.isSetLpstr()) {
            return p.getLpstr();
        }
        return null;
    }

    private static Integer number(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
