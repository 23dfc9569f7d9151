package vn.kehoach.document.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHdrFtrRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import vn.kehoach.document.internal.Composition.Block;
import vn.kehoach.document.internal.Composition.Heading;
import vn.kehoach.document.internal.Composition.Para;
import vn.kehoach.document.internal.Composition.Run;
import vn.kehoach.document.internal.FormTable.FormCell;

/**
 * Writes a composition as a Word document laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I prescribes: A4, margins
 * 20/20/30/20 mm, Times New Roman, quốc hiệu and tiêu ngữ in a borderless two-column letterhead, page numbers
 * centred at the top from page 2, real footnotes; the forms follow in a landscape section.
 */
public final class DocxWriter {

    static final String FONT = "Times New Roman";
    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 56.6929;
    private static final int A4_SHORT = 11906;
    private static final int A4_LONG = 16838;
    private static final int TOP = mm(20);
    private static final int BOTTOM = mm(20);
    private static final int LEFT = mm(30);
    private static final int RIGHT = mm(20);
    private static final int BODY = 14;

    private DocxWriter() {
    }

    private static int mm(double mm) {
        return (int) Math.round(mm * TWIPS_PER_MM);
    }

    public static void write(Composition c, OutputStream out) throws IOException {
        write(c, out, null);
    }

    /**
     * Writes the document; with a {@code stamp}, each body paragraph goes in a content control and the file carries
     * the unit, year and version, so that it can be edited in Word and uploaded back ({@link WordRoundTrip}).
     */
    public static void write(Composition c, OutputStream out, WordRoundTrip.Stamp stamp) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            styles(doc);
            letterhead(doc, c.letterhead());
            title(doc, c.title(), c.subtitle());
            for (Block b : c.body()) {
                marked(doc, b, stamp);
            }
            for (Block b : c.closing()) {
                marked(doc, b, stamp);
            }
            if (stamp != null) {
                WordRoundTrip.stamp(doc, stamp);
            }
            signature(doc, c.signature());
            CTSectPr portrait = sections(doc, !c.forms().isEmpty());
            pageNumbers(doc, portrait);
            boolean first = true;
            for (FormTable f : c.forms()) {
                form(doc, f, first);
                first = false;
            }
            doc.write(out);
        }
    }

    /** Writes a block; with a stamp, puts each paragraph it made in a content control saying where it comes from. */
    private static void marked(XWPFDocument doc, Block b, WordRoundTrip.Stamp stamp) {
        int before = doc.getParagraphs().size();
        block(doc, b);
        if (stamp != null) {
            for (XWPFParagraph p : List.copyOf(doc.getParagraphs().subList(before, doc.getParagraphs().size()))) {
                WordRoundTrip.mark(doc, p, b, stamp);
            }
        }
    }

    /** Style ids Word knows by these names: its navigation pane shows the Heading and Title paragraphs as the outline. */
    static final String NORMAL = "Normal";
    static final String TITLE = "Title";
    static final String SUBTITLE = "Subtitle";
    static final String PART_LABEL = "PartLabel";
    static final String FOOTNOTE_TEXT = "FootnoteText";

    static String heading(int level) {
        return "Heading" + level;
    }

    /**
     * The document's styles.xml: Times New Roman 14 and the vi-VN language by default (spelling and hyphenation in
     * Word follow it), Normal, Title and Subtitle, Heading 1–4 with their outline levels (Part title, "I.", "1.",
     * "2.1.") and the footnote text style, under the ids and names of Word's built-in styles so that Word treats
     * them as its own (navigation pane, table of contents). The runs keep their direct formatting as well, so the
     * page looks the same whichever program ignores styles.
     */
    private static void styles(XWPFDocument doc) {
        String heading = """
                <w:style w:type="paragraph" w:styleId="Heading%1$d"><w:name w:val="heading %1$d"/><w:basedOn w:val="Normal"/>\
                <w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>\
                <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%2$d" w:after="%6$d" w:line="264" w:lineRule="auto"/>%3$s\
                <w:outlineLvl w:val="%4$d"/></w:pPr><w:rPr><w:b/><w:bCs/>%5$s</w:rPr></w:style>""";
        String body = "<w:ind w:firstLine=\"" + mm(10) + "\"/><w:jc w:val=\"both\"/>";
        String xml = "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" + FONT + "\" w:hAnsi=\"" + FONT
                + "\" w:eastAsia=\"" + FONT + "\" w:cs=\"" + FONT + "\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
                + "<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
                + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
                + "</w:docDefaults>"
                + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
                + "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
                + "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
                + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
                + "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
                + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
                + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:next w:val=\"Subtitle\"/><w:uiPriority w:val=\"10\"/><w:qFormat/><w:pPr><w:keepNext/>"
                + "<w:spacing w:before=\"480\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"11\"/><w:qFormat/><w:pPr><w:keepNext/>"
                + "<w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"PartLabel\"><w:name w:val=\"Part Label\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Heading1\"/><w:qFormat/><w:pPr><w:keepNext/>"
                + "<w:spacing w:before=\"240\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
                + heading.formatted(1, 0, "<w:jc w:val=\"center\"/>", 0, "", 120)
                + heading.formatted(2, 120, body, 1, "", 0)
                + heading.formatted(3, 120, body, 2, "", 0)
                + heading.formatted(4, 120, body, 3, "<w:i/><w:iCs/>", 0)
                + "<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr><w:jc w:val=\"both\"/></w:pPr>"
                + "<w:rPr><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>"
                + "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>"
                + "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
                + "</w:styles>";
        try {
            doc.createStyles().setStyles(org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument.Factory
                    .parse(xml).getStyles());
        } catch (org.apache.xmlbeans.XmlException e) {
            throw new IllegalStateException("styles.xml: " + e.getMessage(), e);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(Printed.nfc(text));
        return r;
    }

    private static void spacing(XWPFParagraph p, int beforePt, int afterPt) {
        p.setSpacingBefore(beforePt * 20);
        p.setSpacingAfter(afterPt * 20);
    }

    // Nghị định 30/2020/NĐ-CP, Phụ lục I: tên cơ quan 12–13 in hoa (cơ quan ban hành đậm) with a short line under it,
    // quốc hiệu 12–13 in hoa đậm, tiêu ngữ 13–14 đậm with a line under it, số ký hiệu 13, địa danh ngày tháng 13–14 nghiêng.
    private static void letterhead(XWPFDocument doc, Composition.Letterhead h) {
        XWPFTable t = doc.createTable(2, 2);
        noBorders(t);
        widths(t, new int[] {mm(62), mm(98)});
        XWPFTableCell issuer = t.getRow(0).getCell(0);
        XWPFParagraph first = issuer.getParagraphs().get(0);
        for (int i = 0; i < h.issuer().size(); i++) {
            XWPFParagraph p = i == 0 ? first : issuer.addParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            spacing(p, 0, 0);
            boolean last = i == h.issuer().size() - 1;
            XWPFRun r = run(p, h.issuer().get(i), 13, last || h.issuer().size() == 1, false);
            if (last) {
                // The short line under the issuing body: a third of the text's width, centred (Phụ lục I, mục II.3).
                r.setUnderline(UnderlinePatterns.NONE);
                XWPFParagraph line = issuer.addParagraph();
                line.setAlignment(ParagraphAlignment.CENTER);
                spacing(line, 0, 0);
                run(line, "", 6, false, false);
                line.setBorderTop(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
                line.setIndentationLeft(mm(20));
                line.setIndentationRight(mm(20));
            }
        }
        XWPFTableCell nation = t.getRow(0).getCell(1);
        XWPFParagraph n = nation.getParagraphs().get(0);
        n.setAlignment(ParagraphAlignment.CENTER);
        spacing(n, 0, 0);
        run(n, h.nationalName(), 12, true, false);
        XWPFParagraph motto = nation.addParagraph();
        motto.setAlignment(ParagraphAlignment.CENTER);
        spacing(motto, 0, 0);
        run(motto, h.motto(), 13, true, false).setUnderline(UnderlinePatterns.SINGLE);
        XWPFParagraph number = t.getRow(1).getCell(0).getParagraphs().get(0);
        number.setAlignment(ParagraphAlignment.CENTER);
        spacing(number, 6, 0);
        run(number, h.number(), 13, false, false);
        XWPFParagraph date = t.getRow(1).getCell(1).getParagraphs().get(0);
        date.setAlignment(ParagraphAlignment.CENTER);
        spacing(date, 6, 0);
        run(date, h.placeDate(), 14, false, true);
    }

    private static void title(XWPFDocument doc, String title, String subtitle) {
        XWPFParagraph t = doc.createParagraph();
        t.setStyle(TITLE);
        t.setAlignment(ParagraphAlignment.CENTER);
        spacing(t, 24, 0);
        run(t, title, 14, true, false);
        XWPFParagraph s = doc.createParagraph();
        s.setStyle(SUBTITLE);
        s.setAlignment(ParagraphAlignment.CENTER);
        spacing(s, 0, 12);
        run(s, subtitle, 14, true, false);
    }

    private static void block(XWPFDocument doc, Block b) {
        if (b instanceof Heading h) {
            XWPFParagraph p = doc.createParagraph();
            switch (h.level()) {
                case PART_LABEL -> {
                    p.setStyle(PART_LABEL);
                    p.setAlignment(ParagraphAlignment.CENTER);
                    spacing(p, 12, 0);
                    run(p, h.text(), BODY, true, false);
                }
                case PART_TITLE -> {
                    p.setStyle(heading(1));
                    p.setAlignment(ParagraphAlignment.CENTER);
                    spacing(p, 0, 6);
                    run(p, h.text(), BODY, true, false);
                }
                case SECTION, SUBSECTION -> {
                    body(p);
                    p.setStyle(heading(h.level() == Composition.Level.SECTION ? 2 : 3));
                    run(p, h.text(), BODY, true, false);
                }
                case TOPIC -> {
                    body(p);
                    p.setStyle(heading(4));
                    run(p, h.text(), BODY, true, true);
                }
            }
            p.setKeepNext(true);
        } else if (b instanceof Para para && !para.placeholder()) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle(NORMAL);
            body(p);
            for (Run r : para.runs()) {
                if (r.footnote() == null) {
                    run(p, r.text(), BODY, false, false);
                } else {
                    footnote(doc, p, r.footnote());
                }
            }
        }
    }

    /** Căn đều hai lề, thụt đầu dòng 1 cm, cách đoạn 6 pt (Phụ lục I, mục II.8). */
    private static void body(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(mm(10));
        spacing(p, 6, 0);
        p.setSpacingBetween(1.1);
    }

    private static void footnote(XWPFDocument doc, XWPFParagraph p, String text) {
        separators(doc);
        XWPFFootnote note = doc.createFootnote();
        p.addFootnoteReference(note);
        XWPFRun mark = p.getRuns().get(p.getRuns().size() - 1);
        mark.setSubscript(VerticalAlign.SUPERSCRIPT);
        mark.setFontFamily(FONT);
        mark.setFontSize(BODY);
        XWPFParagraph np = note.createParagraph();
        np.setStyle(FOOTNOTE_TEXT);
        np.setAlignment(ParagraphAlignment.BOTH);
        spacing(np, 0, 0);
        // The note's own number, which POI adds as a bare run: raised, as Word shows it.
        for (var r : np.getCTP().getRList()) {
            var pr = r.isSetRPr() ? r.getRPr() : r.addNewRPr();
            pr.addNewVertAlign().setVal(org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun.SUPERSCRIPT);
        }
        run(np, " " + text, 11, false, false);
    }

    /**
     * The footnote separator (the short rule above the notes) and the continuation separator (the full-width rule
     * when a note runs onto the next page), footnotes -1 and 0 as Word writes them and names them in the settings;
     * Word finds them by their type; without them other programs draw no rule at all. Added once, before the first
     * note.
     */
    private static void separators(XWPFDocument doc) {
        if (!doc.getFootnotes().isEmpty()) {
            return;
        }
        var notes = doc.createFootnotes();
        var sep = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdn.Factory.newInstance();
        sep.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn.SEPARATOR);
        sep.setId(BigInteger.valueOf(-1));
        var sp = sep.addNewP();
        sp.addNewPPr().addNewSpacing().setAfter(BigInteger.ZERO);
        sp.addNewR().addNewSeparator();
        notes.addFootnote(sep);
        var cont = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdn.Factory.newInstance();
        cont.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn.CONTINUATION_SEPARATOR);
        cont.setId(BigInteger.ZERO);
        var cp = cont.addNewP();
        cp.addNewPPr().addNewSpacing().setAfter(BigInteger.ZERO);
        cp.addNewR().addNewContinuationSeparator();
        notes.addFootnote(cont);
    }

    private static void signature(XWPFDocument doc, Composition.Signature s) {
        XWPFParagraph gap = doc.createParagraph();
        spacing(gap, 0, 0);
        XWPFTable t = doc.createTable(1, 2);
        noBorders(t);
        widths(t, new int[] {mm(80), mm(80)});
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFParagraph title = left.getParagraphs().get(0);
        spacing(title, 6, 0);
        // "Nơi nhận:" in bold italic 12, its list in 11 (Phụ lục I, mục II.10).
        run(title, s.recipientsTitle(), 12, true, true);
        for (String r : s.recipients()) {
            XWPFParagraph p = left.addParagraph();
            spacing(p, 0, 0);
            run(p, "- " + r, 11, false, false);
        }
        XWPFTableCell right = t.getRow(0).getCell(1);
        XWPFParagraph first = right.getParagraphs().get(0);
        for (int i = 0; i < s.signerLines().size(); i++) {
            XWPFParagraph p = i == 0 ? first : right.addParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            spacing(p, i == 0 ? 6 : 0, 0);
            run(p, s.signerLines().get(i), 14, true, false);
        }
        for (int i = 0; i < 4; i++) {
            spacing(right.addParagraph(), 0, 0);
        }
        XWPFParagraph name = right.addParagraph();
        name.setAlignment(ParagraphAlignment.CENTER);
        run(name, s.signerName() == null ? "" : s.signerName(), 14, true, false);
    }

    /**
     * The body is a portrait section; the forms, when there are any, a landscape one after it. Returns the
     * portrait section's properties.
     */
    private static CTSectPr sections(XWPFDocument doc, boolean forms) {
        CTSectPr last = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        if (!forms) {
            page(last, false);
            last.addNewTitlePg();
            return last;
        }
        XWPFParagraph end = doc.createParagraph();
        CTSectPr portrait = end.getCTP().addNewPPr().addNewSectPr();
        page(portrait, false);
        portrait.addNewTitlePg();
        page(last, true);
        return portrait;
    }

    private static void page(CTSectPr s, boolean landscape) {
        CTPageSz size = s.isSetPgSz() ? s.getPgSz() : s.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        CTPageMar m = s.isSetPgMar() ? s.getPgMar() : s.addNewPgMar();
        m.setTop(BigInteger.valueOf(TOP));
        m.setBottom(BigInteger.valueOf(BOTTOM));
        m.setLeft(BigInteger.valueOf(LEFT));
        m.setRight(BigInteger.valueOf(RIGHT));
        m.setHeader(BigInteger.valueOf(mm(10)));
        m.setFooter(BigInteger.valueOf(mm(10)));
    }

    /** Số trang: centred at the top, Arabic, not on the first page (Phụ lục I, mục II.11). */
    private static void pageNumbers(XWPFDocument doc, CTSectPr portrait) {
        XWPFHeader numbered = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph p = numbered.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        CTSimpleField field = p.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        var r = field.addNewR();
        var rpr = r.addNewRPr();
        var fonts = rpr.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        rpr.addNewSz().setVal(BigInteger.valueOf(26));
        r.addNewT().setStringValue("2");
        XWPFHeader blank = doc.createHeader(HeaderFooterType.FIRST);
        blank.createParagraph();
        CTSectPr body = doc.getDocument().getBody().getSectPr();
        if (body != portrait) {
            // POI marks the document's last section "title page" when it makes a first-page header: the forms'
            // landscape section is not a title page, its first page is numbered as every other.
            if (body.isSetTitlePg()) {
                body.unsetTitlePg();
            }
            // Both sections show the same headers; the landscape one numbers its first page too.
            for (CTHdrFtrRef ref : body.getHeaderReferenceList()) {
                CTHdrFtrRef copy = portrait.addNewHeaderReference();
                copy.setId(ref.getId());
                copy.setType(ref.getType());
            }
        }
    }

    private static void noBorders(XWPFTable t) {
        t.setTopBorder(XWPFBorderType.NONE, 0, 0, "auto");
        t.setBottomBorder(XWPFBorderType.NONE, 0, 0, "auto");
        t.setLeftBorder(XWPFBorderType.NONE, 0, 0, "auto");
        t.setRightBorder(XWPFBorderType.NONE, 0, 0, "auto");
        t.setInsideHBorder(XWPFBorderType.NONE, 0, 0, "auto");
        t.setInsideVBorder(XWPFBorderType.NONE, 0, 0, "auto");
    }

    private static void widths(XWPFTable t, int[] widths) {
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        CTTblWidth tw = t.getCTTbl().getTblPr().isSetTblW() ? t.getCTTbl().getTblPr().getTblW()
                : t.getCTTbl().getTblPr().addNewTblW();
        tw.setType(STTblWidth.DXA);
        tw.setW(BigInteger.valueOf(total));
        t.getCTTbl().getTblPr().addNewTblLayout().setType(
                org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        var grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (XWPFTableRow row : t.getRows()) {
            for (int i = 0; i < row.getTableCells().size() && i < widths.length; i++) {
                cellWidth(row.getCell(i), widths[i]);
            }
        }
    }

    private static void cellWidth(XWPFTableCell cell, int w) {
        var pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTTblWidth cw = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
        cw.setType(STTblWidth.DXA);
        cw.setW(BigInteger.valueOf(w));
    }

    private static void form(XWPFDocument doc, FormTable f, boolean first) {
        int textWidth = A4_LONG - LEFT - RIGHT;
        XWPFParagraph code = doc.createParagraph();
        code.setAlignment(ParagraphAlignment.RIGHT);
        code.setPageBreak(!first);
        spacing(code, 0, 0);
        run(code, "Biểu " + f.code(), 12, true, false);
        XWPFParagraph t = doc.createParagraph();
        t.setAlignment(ParagraphAlignment.CENTER);
        spacing(t, 0, 0);
        run(t, f.title(), 13, true, false);
        if (!f.subtitle().isEmpty()) {
            XWPFParagraph s = doc.createParagraph();
            s.setAlignment(ParagraphAlignment.CENTER);
            spacing(s, 0, 0);
            run(s, f.subtitle(), 12, false, true);
        }
        if (!f.unitNote().isEmpty()) {
            XWPFParagraph u = doc.createParagraph();
            u.setAlignment(ParagraphAlignment.RIGHT);
            spacing(u, 0, 0);
            run(u, f.unitNote(), 12, false, true);
        }
        for (FormTable.Section s : f.sections()) {
            if (s.heading() != null) {
                XWPFParagraph h = doc.createParagraph();
                spacing(h, 6, 3);
                h.setKeepNext(true);
                run(h, s.heading(), 12, true, false);
            } else {
                spacing(doc.createParagraph(), 0, 0);
            }
            table(doc, s, textWidth);
        }
        if (f.illustrative()) {
            XWPFParagraph n = doc.createParagraph();
            spacing(n, 3, 0);
            run(n, FormTable.ILLUSTRATIVE_NOTE, 11, false, true);
        }
    }

    private static void table(XWPFDocument doc, FormTable.Section s, int textWidth) {
        List<FormTable.Header> hs = s.headers();
        boolean grouped = hs.stream().anyMatch(h -> h.group() != null);
        int headerRows = grouped ? 2 : 1;
        int rows = headerRows + s.lines().size();
        XWPFTable t = doc.createTable(rows, hs.size());
        t.setTableAlignment(TableRowAlign.CENTER);
        t.setCellMargins(0, mm(1), 0, mm(1));
        int total = hs.stream().mapToInt(FormTable.Header::width).sum();
        int[] widths = hs.stream().mapToInt(h -> (int) ((long) h.width() * textWidth / total)).toArray();
        widths(t, widths);
        for (int r = 0; r < headerRows; r++) {
            t.getRow(r).setRepeatHeader(true);
        }
        List<Integer> covered = new ArrayList<>();
        for (int i = 0; i < hs.size(); i++) {
            FormTable.Header h = hs.get(i);
            if (!grouped) {
                cell(t.getRow(0).getCell(i), h.text(), true, false, ParagraphAlignment.CENTER);
            } else if (h.group() == null) {
                cell(t.getRow(0).getCell(i), h.text(), true, false, ParagraphAlignment.CENTER);
                vMerge(t.getRow(0).getCell(i), STMerge.RESTART);
                cell(t.getRow(1).getCell(i), "", true, false, ParagraphAlignment.CENTER);
                vMerge(t.getRow(1).getCell(i), STMerge.CONTINUE);
            } else {
                cell(t.getRow(1).getCell(i), h.text(), true, false, ParagraphAlignment.CENTER);
                if (i > 0 && Objects.equals(hs.get(i - 1).group(), h.group())) {
                    covered.add(i);
                    continue;
                }
                int span = 1;
                int width = widths[i];
                while (i + span < hs.size() && Objects.equals(hs.get(i + span).group(), h.group())) {
                    width += widths[i + span];
                    span++;
                }
                XWPFTableCell g = t.getRow(0).getCell(i);
                cell(g, h.group(), true, false, ParagraphAlignment.CENTER);
                g.getCTTc().getTcPr().addNewGridSpan().setVal(BigInteger.valueOf(span));
                cellWidth(g, width);
            }
        }
        // A group header is one cell spanning its columns: the cells it covers go.
        for (int k = covered.size() - 1; k >= 0; k--) {
            t.getRow(0).removeCell(covered.get(k));
        }
        for (int li = 0; li < s.lines().size(); li++) {
            FormTable.Line line = s.lines().get(li);
            XWPFTableRow row = t.getRow(headerRows + li);
            row.setCantSplitRow(true);
            for (int ci = 0; ci < hs.size(); ci++) {
                FormCell c = line.cells().get(ci);
                ParagraphAlignment align = c.isNumber() ? ParagraphAlignment.RIGHT
                        : hs.get(ci).numeric() || ci == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT;
                cell(row.getCell(ci), c.display(), line.heading(), c.missing(), align);
            }
        }
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold, boolean italic, ParagraphAlignment align) {
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(align);
        spacing(p, 1, 1);
        run(p, text, 12, bold, italic);
    }

    private static void vMerge(XWPFTableCell cell, STMerge.Enum how) {
        var pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        pr.addNewVMerge().setVal(how);
    }

}
