package vn.kehoach.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtRun;

/**
 * Edits a plan document's Word file with POI the way a person does in Word: the text of a paragraph inside a content
 * control changed, a paragraph split in two (Word copies the control into the new paragraph), a paragraph typed
 * after a block's last one (outside the control).
 */
final class WordEdits {

    private WordEdits() {
    }

    /** Opens the file, lets {@code edit} change it, and returns the saved bytes. */
    static byte[] edit(byte[] docx, Consumer<XWPFDocument> edit) {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            edit.accept(d);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tag of the paragraph's content control, or null. */
    static String tag(XWPFParagraph p) {
        for (CTSdtRun sdt : p.getCTP().getSdtList()) {
            if (sdt.getSdtPr() != null && sdt.getSdtPr().isSetTag()) {
                return sdt.getSdtPr().getTag().getVal();
            }
        }
        return null;
    }

    /** The body's paragraphs whose content control's tag starts with {@code prefix}. */
    static List<XWPFParagraph> tagged(XWPFDocument d, String prefix) {
        List<XWPFParagraph> out = new ArrayList<>();
        for (XWPFParagraph p : d.getParagraphs()) {
            String t = tag(p);
            if (t != null && t.startsWith(prefix)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The runs inside the paragraph's content control. */
    static List<CTR> runs(XWPFParagraph p) {
        return p.getCTP().getSdtArray(0).getSdtContent().getRList();
    }

    /** Replaces the text inside the paragraph's content control (as typing over it in Word). */
    static void retype(XWPFParagraph p, String text) {
        List<CTR> runs = runs(p);
        boolean first = true;
        for (CTR r : runs) {
            if (r.sizeOfTArray() == 0) {
                continue;
            }
            r.getTArray(0).setStringValue(first ? text : "");
            first = false;
        }
    }

    /** Replaces {@code from} by {@code to} in the text inside the paragraph's content control. */
    static void replace(XWPFParagraph p, String from, String to) {
        for (CTR r : runs(p)) {
            for (int i = 0; i < r.sizeOfTArray(); i++) {
                String t = r.getTArray(i).getStringValue();
                if (t.contains(from)) {
                    r.getTArray(i).setStringValue(t.replace(from, to));
                    return;
                }
            }
        }
        throw new AssertionError("'" + from + "' is not in " + p.getText());
    }

    /**
     * Splits the paragraph after {@code head}: the rest goes into a new paragraph below, in a copy of the content
     * control (what Word does when Enter is pressed inside it).
     */
    static void split(XWPFDocument d, XWPFParagraph p, String head) {
        String text = p.getText();
        if (!text.startsWith(head)) {
            throw new AssertionError(text);
        }
        retype(p, head);
        XWPFParagraph next = after(d, p);
        CTSdtRun copy = next.getCTP().addNewSdt();
        copy.setSdtPr(p.getCTP().getSdtArray(0).getSdtPr());
        copy.addNewSdtContent().addNewR().addNewT().setStringValue(text.substring(head.length()).strip());
    }

    /** Types a new paragraph after {@code p}, outside any content control (Enter at the end of the paragraph). */
    static void addAfter(XWPFDocument d, XWPFParagraph p, String text) {
        after(d, p).createRun().setText(text);
    }

    private static XWPFParagraph after(XWPFDocument d, XWPFParagraph p) {
        try (XmlCursor c = p.getCTP().newCursor()) {
            if (!c.toNextSibling()) {
                throw new AssertionError("nothing after " + p.getText());
            }
            return d.insertNewParagraph(c);
        }
    }
}
