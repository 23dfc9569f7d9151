package vn.kehoach.document.internal;

import java.util.ArrayList;
import java.util.List;

import vn.kehoach.document.internal.Composition.Block;
import vn.kehoach.document.internal.Composition.Heading;
import vn.kehoach.document.internal.Composition.Para;
import vn.kehoach.document.internal.Composition.Run;

/**
 * A composition as the preview page shows it: lines with their style, footnote marks numbered in order and the
 * notes listed after the body, free-text blocks not written yet shown as placeholders.
 */
public record Preview(Composition doc, List<Line> body, List<Line> closing, List<String> notes) {

    /** A line of the preview: {@code css} is its style (part-label, part-title, section, subsection, topic, para). */
    public record Line(String css, List<Piece> pieces, boolean placeholder) {
    }

    /** A piece of text, or the mark of footnote {@code note}. */
    public record Piece(String text, Integer note) {
    }

    public static Preview of(Composition c) {
        List<String> notes = new ArrayList<>();
        return new Preview(c, lines(c.body(), notes), lines(c.closing(), notes), notes);
    }

    /** A paragraph's style; a section the files leave out keeps its heading's, greyed as a placeholder. */
    private static String css(Para p) {
        return p.origin() != null && p.origin().kind() == Composition.Origin.Kind.OMITTED_SECTION
                ? p.origin().level().name().toLowerCase().replace('_', '-') + " omitted" : "para";
    }

    private static List<Line> lines(List<Block> blocks, List<String> notes) {
        List<Line> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                out.add(new Line(h.level().name().toLowerCase().replace('_', '-'), List.of(new Piece(Printed.nfc(h.text()), null)), false));
            } else if (b instanceof Para p) {
                List<Piece> pieces = new ArrayList<>();
                for (Run r : p.runs()) {
                    if (r.footnote() == null) {
                        pieces.add(new Piece(Printed.nfc(r.text()), null));
                    } else {
                        notes.add(Printed.nfc(r.footnote()));
                        pieces.add(new Piece("", notes.size()));
                    }
                }
                out.add(new Line(css(p), pieces, p.placeholder()));
            }
        }
        return out;
    }
}
