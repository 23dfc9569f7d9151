package vn.kehoach.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.core.io.ClassPathResource;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.draw.LineSeparator;

import vn.kehoach.document.internal.Composition.Block;
import vn.kehoach.document.internal.Composition.Heading;
import vn.kehoach.document.internal.Composition.Para;
import vn.kehoach.document.internal.Composition.Run;
import vn.kehoach.document.internal.FormTable.FormCell;

/**
 * Writes a composition as PDF with OpenPDF, the same layout as the Word file: A4, margins 20/20/30/20 mm, Liberation
 * Serif (metric-compatible with Times New Roman, full Vietnamese coverage, embedded from the jar so nothing depends
 * on the server's fonts), page numbers at the top from page 2, footnotes at the foot of the page that refers to
 * them, the forms on landscape pages.
 */
public final class PdfWriter {

    private static final float MM = 72f / 25.4f;
    private static final float TOP = 20 * MM;
    private static final float BOTTOM = 20 * MM;
    private static final float LEFT = 30 * MM;
    private static final float RIGHT = 20 * MM;
    private static final float BODY = 14;
    private static final BaseFont[] FACES = new BaseFont[4];

    private PdfWriter() {
    }

    public static void write(Composition c, OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4, LEFT, RIGHT, TOP, BOTTOM);
        try {
            com.lowagie.text.pdf.PdfWriter writer = com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            // Justified lines stretch the spaces between words only, as Word does: OpenPDF's default also spreads
            // the letters, which letter-spaces a short justified line (a two-line heading's first line).
            writer.setSpaceCharRatio(com.lowagie.text.pdf.PdfWriter.NO_SPACE_CHAR_RATIO);
            doc.addTitle(Printed.nfc(c.title() + " " + c.subtitle()));
            doc.open();
            Layout l = new Layout(writer.getDirectContent(), doc);
            l.keep(() -> letterhead(c.letterhead()));
            l.keep(() -> title(c.title(), 24, 0));
            l.keep(() -> title(c.subtitle(), 0, 12));
            for (Block b : c.body()) {
                block(l, b);
            }
            for (Block b : c.closing()) {
                block(l, b);
            }
            l.keep(() -> signature(c.signature()));
            for (FormTable f : c.forms()) {
                l.newPage(true);
                form(l, f);
            }
            l.finishPage();
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("Không tạo được tệp PDF: " + e.getMessage(), e);
        }
    }

    /** Regular, bold, italic, bold italic: Liberation Serif from the jar, embedded as subsets. */
    private static synchronized BaseFont face(boolean bold, boolean italic) {
        int i = (bold ? 1 : 0) + (italic ? 2 : 0);
        if (FACES[i] == null) {
            String name = "LiberationSerif-" + switch (i) {
                case 0 -> "Regular";
                case 1 -> "Bold";
                case 2 -> "Italic";
                default -> "BoldItalic";
            } + ".ttf";
            try (InputStream in = new ClassPathResource("fonts/" + name).getInputStream()) {
                FACES[i] = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return FACES[i];
    }

    private static Font font(float size, boolean bold, boolean italic) {
        return new Font(face(bold, italic), size);
    }

    private static Paragraph para(String text, float size, boolean bold, boolean italic, int align) {
        Paragraph p = new Paragraph(Printed.nfc(text), font(size, bold, italic));
        p.setAlignment(align);
        p.setLeading(size * 1.2f);
        return p;
    }

    private static Element title(String text, float before, float after) {
        Paragraph p = para(text, BODY, true, false, Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    // Nghị định 30/2020/NĐ-CP, Phụ lục I: the issuing body left with a short line under it and the number below;
    // quốc hiệu, tiêu ngữ underlined, then the place and date in italics on the right.
    private static Element letterhead(Composition.Letterhead h) {
        PdfPTable t = new PdfPTable(new float[] {62, 98});
        t.setWidthPercentage(100);
        PdfPCell issuer = bare();
        for (int i = 0; i < h.issuer().size(); i++) {
            boolean last = i == h.issuer().size() - 1;
            issuer.addElement(para(h.issuer().get(i), 13, last, false, Element.ALIGN_CENTER));
        }
        Paragraph line = new Paragraph(4, "", font(4, false, false));
        line.add(new Chunk(new LineSeparator(0.6f, 40, null, Element.ALIGN_CENTER, 0)));
        line.setLeading(4);
        issuer.addElement(line);
        t.addCell(issuer);
        PdfPCell nation = bare();
        nation.addElement(para(h.nationalName(), 12, true, false, Element.ALIGN_CENTER));
        Chunk motto = new Chunk(Printed.nfc(h.motto()), font(13, true, false));
        motto.setUnderline(0.6f, -2.5f);
        Paragraph m = new Paragraph(16, "", font(13, true, false));
        m.add(motto);
        m.setAlignment(Element.ALIGN_CENTER);
        m.setLeading(16);
        nation.addElement(m);
        t.addCell(nation);
        PdfPCell number = bare();
        Paragraph n = para(h.number(), 13, false, false, Element.ALIGN_CENTER);
        n.setSpacingBefore(6);
        number.addElement(n);
        t.addCell(number);
        PdfPCell date = bare();
        Paragraph d = para(h.placeDate(), 14, false, true, Element.ALIGN_CENTER);
        d.setSpacingBefore(6);
        date.addElement(d);
        t.addCell(date);
        return t;
    }

    private static PdfPCell bare() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0);
        c.setPaddingBottom(2);
        return c;
    }

    private static void block(Layout l, Block b) {
        if (b instanceof Heading h) {
            l.heading(() -> switch (h.level()) {
                case PART_LABEL -> title(h.text(), 12, 0);
                case PART_TITLE -> title(h.text(), 0, 6);
                case SECTION, SUBSECTION -> heading(body(List.of(Run.text(h.text())), true, false, new int[1]));
                case TOPIC -> heading(body(List.of(Run.text(h.text())), true, true, new int[1]));
            });
            return;
        }
        Para p = (Para) b;
        if (p.placeholder()) {
            return;
        }
        List<String> notes = p.runs().stream().map(Run::footnote).filter(Objects::nonNull).toList();
        if (notes.isEmpty()) {
            l.flow(() -> body(p.runs(), false, false, new int[1]));
            return;
        }
        int first = l.noteNumber + 1;
        List<Supplier<Element>> noteElements = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            int number = first + i;
            String text = notes.get(i);
            noteElements.add(() -> note(number, text));
        }
        l.withNotes(() -> body(p.runs(), false, false, new int[] {first - 1}), noteElements);
    }

    /**
     * A numbered heading ("I. …", "1. …", "2.1. …") sits as the Word file's Heading 2–4: indented like the body, but
     * aligned left, never stretched to the margin, and kept with what follows by {@link Layout#heading}.
     */
    private static Paragraph heading(Paragraph p) {
        p.setAlignment(Element.ALIGN_LEFT);
        return p;
    }

    /** A body paragraph: justified, first line indented 1 cm, 6 pt before (Phụ lục I, mục II.8). */
    private static Paragraph body(List<Run> runs, boolean bold, boolean italic, int[] noteCounter) {
        Paragraph p = new Paragraph(BODY * 1.25f, "", font(BODY, bold, italic));
        for (Run r : runs) {
            if (r.footnote() == null) {
                p.add(new Chunk(Printed.nfc(r.text()), font(BODY, bold, italic)));
            } else {
                Chunk mark = new Chunk(String.valueOf(++noteCounter[0]), font(9, false, false));
                mark.setTextRise(5);
                p.add(mark);
            }
        }
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(10 * MM);
        p.setLeading(BODY * 1.25f);
        p.setSpacingBefore(6);
        return p;
    }

    private static Paragraph note(int number, String text) {
        Paragraph p = new Paragraph(12.5f, "", font(11, false, false));
        Chunk mark = new Chunk(String.valueOf(number), font(7, false, false));
        mark.setTextRise(4);
        p.add(mark);
        p.add(new Chunk(" " + Printed.nfc(text), font(11, false, false)));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setLeading(12.5f);
        return p;
    }

    private static Element signature(Composition.Signature s) {
        PdfPTable t = new PdfPTable(new float[] {1, 1});
        t.setWidthPercentage(100);
        t.setSpacingBefore(12);
        PdfPCell left = bare();
        // "Nơi nhận:" bold italic 12, the list in 11 (Phụ lục I, mục II.10).
        left.addElement(para(s.recipientsTitle(), 12, true, true, Element.ALIGN_LEFT));
        for (String r : s.recipients()) {
            left.addElement(para("- " + r, 11, false, false, Element.ALIGN_LEFT));
        }
        t.addCell(left);
        PdfPCell right = bare();
        for (String line : s.signerLines()) {
            right.addElement(para(line, 14, true, false, Element.ALIGN_CENTER));
        }
        Paragraph gap = para(" ", 14, false, false, Element.ALIGN_CENTER);
        gap.setLeading(70);
        right.addElement(gap);
        right.addElement(para(s.signerName() == null ? "" : s.signerName(), 14, true, false, Element.ALIGN_CENTER));
        t.addCell(right);
        return t;
    }

    private static void form(Layout l, FormTable f) {
        l.keep(() -> para("Biểu " + f.code(), 12, true, false, Element.ALIGN_RIGHT));
        l.keep(() -> para(f.title(), 13, true, false, Element.ALIGN_CENTER));
        if (!f.subtitle().isEmpty()) {
            l.keep(() -> para(f.subtitle(), 12, false, true, Element.ALIGN_CENTER));
        }
        if (!f.unitNote().isEmpty()) {
            l.keep(() -> para(f.unitNote(), 12, false, true, Element.ALIGN_RIGHT));
        }
        for (FormTable.Section s : f.sections()) {
            if (s.heading() != null) {
                l.heading(() -> {
                    Paragraph p = para(s.heading(), 12, true, false, Element.ALIGN_LEFT);
                    p.setSpacingBefore(6);
                    return p;
                });
            }
            l.flow(() -> table(s));
        }
        if (f.illustrative()) {
            l.keep(() -> para(FormTable.ILLUSTRATIVE_NOTE, 11, false, true, Element.ALIGN_LEFT));
        }
    }

    private static PdfPTable table(FormTable.Section s) {
        List<FormTable.Header> hs = s.headers();
        float[] widths = new float[hs.size()];
        for (int i = 0; i < hs.size(); i++) {
            widths[i] = hs.get(i).width();
        }
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        boolean grouped = hs.stream().anyMatch(h -> h.group() != null);
        for (int i = 0; i < hs.size(); i++) {
            FormTable.Header h = hs.get(i);
            if (!grouped || h.group() == null) {
                PdfPCell c = cell(h.text(), true, false, Element.ALIGN_CENTER);
                c.setRowspan(grouped ? 2 : 1);
                t.addCell(c);
            } else if (i == 0 || !Objects.equals(hs.get(i - 1).group(), h.group())) {
                int span = 1;
                while (i + span < hs.size() && Objects.equals(hs.get(i + span).group(), h.group())) {
                    span++;
                }
                PdfPCell c = cell(h.group(), true, false, Element.ALIGN_CENTER);
                c.setColspan(span);
                t.addCell(c);
            }
        }
        if (grouped) {
            for (FormTable.Header h : hs) {
                if (h.group() != null) {
                    t.addCell(cell(h.text(), true, false, Element.ALIGN_CENTER));
                }
            }
        }
        t.setHeaderRows(grouped ? 2 : 1);
        for (FormTable.Line line : s.lines()) {
            for (int i = 0; i < hs.size(); i++) {
                FormCell fc = line.cells().get(i);
                int align = fc.isNumber() ? Element.ALIGN_RIGHT
                        : hs.get(i).numeric() || i == 0 ? Element.ALIGN_CENTER : Element.ALIGN_LEFT;
                t.addCell(cell(fc.display(), line.heading(), fc.missing(), align));
            }
        }
        return t;
    }

    private static PdfPCell cell(String text, boolean bold, boolean italic, int align) {
        PdfPCell c = new PdfPCell(new Phrase(Printed.nfc(text), font(italic ? 10 : 11, bold, italic)));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(3);
        c.setBorderWidth(0.5f);
        return c;
    }

    /**
     * Places elements down the pages with ColumnText: paragraphs flow across pages; an element that must stay whole
     * (the letterhead, the signature) or that refers to a footnote moves to the next page when it does not fit with
     * its notes, so a footnote always stands at the foot of the page that refers to it.
     */
    private static final class Layout {
        private final PdfContentByte cb;
        private final Document doc;
        private float left;
        private float right;
        private float top;
        private float bottom;
        private float pageWidth;
        private float pageHeight;
        private float y;
        private boolean fresh = true;
        private int page = 1;
        private final List<Supplier<Element>> notes = new ArrayList<>();
        private float notesHeight;
        int noteNumber;

        Layout(PdfContentByte cb, Document doc) {
            this.cb = cb;
            this.doc = doc;
            box(PageSize.A4);
        }

        private void box(Rectangle size) {
            pageWidth = size.getWidth();
            pageHeight = size.getHeight();
            left = LEFT;
            right = pageWidth - RIGHT;
            top = pageHeight - TOP;
            bottom = BOTTOM;
            y = top;
        }

        private float floor() {
            return bottom + notesHeight;
        }

        float height(Element e, float width) {
            ColumnText sim = new ColumnText(cb);
            sim.addElement(e);
            sim.setSimpleColumn(0, -100000, width, 0);
            try {
                sim.go(true);
            } catch (DocumentException ex) {
                throw new IllegalStateException(ex);
            }
            return -sim.getYLine();
        }

        /** Flows the element across as many pages as it needs. */
        void flow(Supplier<Element> e) {
            Element element = e.get();
            // ColumnText drops the space before the first element it places, and each element starts a new go().
            if (!fresh) {
                y -= element instanceof Paragraph p ? p.getSpacingBefore()
                        : element instanceof PdfPTable t ? t.spacingBefore() : 0;
            }
            ColumnText ct = new ColumnText(cb);
            ct.addElement(element);
            while (true) {
                ct.setSimpleColumn(left, floor(), right, y);
                int status;
                try {
                    status = ct.go();
                } catch (DocumentException ex) {
                    throw new IllegalStateException(ex);
                }
                y = ct.getYLine();
                fresh = false;
                if (!ColumnText.hasMoreText(status)) {
                    return;
                }
                newPage(null);
            }
        }

        /** Places the element whole, on the next page when it does not fit here. */
        void keep(Supplier<Element> e) {
            if (!fresh && height(e.get(), right - left) > y - floor()) {
                newPage(null);
            }
            flow(e);
        }

        /** A heading is not left alone at the foot of a page: it needs room for three lines after it. */
        void heading(Supplier<Element> e) {
            if (!fresh && height(e.get(), right - left) + 3 * BODY * 1.25f > y - floor()) {
                newPage(null);
            }
            flow(e);
        }

        /** A paragraph that refers to footnotes: it and its notes go on one page. */
        void withNotes(Supplier<Element> e, List<Supplier<Element>> paragraphNotes) {
            float noteWidth = right - left;
            float own = 0;
            for (Supplier<Element> n : paragraphNotes) {
                own += height(n.get(), noteWidth) + 2;
            }
            if (!fresh && height(e.get(), right - left) + own + (notes.isEmpty() ? 8 : 0) > y - floor()) {
                newPage(null);
            }
            float extra = own + (notes.isEmpty() ? 8 : 0);
            notes.addAll(paragraphNotes);
            notesHeight += extra;
            noteNumber += paragraphNotes.size();
            flow(e);
        }

        /** Ends the page (its footnotes and number) and starts the next, landscape when asked. */
        void newPage(Boolean landscape) {
            finishPage();
            if (landscape != null) {
                Rectangle size = landscape ? PageSize.A4.rotate() : PageSize.A4;
                doc.setPageSize(size);
                doc.setMargins(LEFT, RIGHT, TOP, BOTTOM);
                doc.newPage();
                box(size);
            } else {
                doc.newPage();
                y = top;
            }
            page++;
            fresh = true;
        }

        /** Footnotes at the foot of the page under a short rule; the page number centred at the top from page 2. */
        void finishPage() {
            if (!notes.isEmpty()) {
                float width = right - left;
                float h = 0;
                for (Supplier<Element> n : notes) {
                    h += height(n.get(), width) + 2;
                }
                float ruleY = bottom + h + 4;
                cb.setLineWidth(0.5f);
                cb.moveTo(left, ruleY);
                cb.lineTo(left + width / 3, ruleY);
                cb.stroke();
                ColumnText ct = new ColumnText(cb);
                for (Supplier<Element> n : notes) {
                    ct.addElement(n.get());
                }
                ct.setSimpleColumn(left, bottom - 20, right, ruleY - 2);
                try {
                    ct.go();
                } catch (DocumentException ex) {
                    throw new IllegalStateException(ex);
                }
                notes.clear();
                notesHeight = 0;
            }
            if (page > 1) {
                ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, new Phrase(String.valueOf(page), font(13, false, false)),
                        pageWidth / 2, pageHeight - 12 * MM, 0);
            }
        }
    }
}
