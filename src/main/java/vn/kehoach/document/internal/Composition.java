package vn.kehoach.document.internal;

import java.util.List;

/**
 * A plan document laid out but not yet written: what every writer (DOCX, PDF, the HTML preview) prints, in order.
 * Footnotes travel with the run that refers to them; writers number them.
 */
public record Composition(Letterhead letterhead, String title, String subtitle, List<Block> body,
                          List<Block> closing, Signature signature, List<FormTable> forms, List<Omission> omissions) {

    public Composition {
        omissions = omissions == null ? List.of() : List.copyOf(omissions);
    }

    /** A composition that left nothing out. */
    public Composition(Letterhead letterhead, String title, String subtitle, List<Block> body, List<Block> closing,
                       Signature signature, List<FormTable> forms) {
        this(letterhead, title, subtitle, body, closing, signature, forms, List.of());
    }

    /**
     * A clause the document left out of its sentence rather than print a gap ("… được chưa có số liệu"): the
     * preview lists them so the planner can enter the data or write the clause.
     *
     * @param figure  the figure's code
     * @param label   how the clause names it ("Vận động Quỹ khuyến học năm 2020 được")
     * @param section the heading it stands under ("7. Giáo dục - Đào tạo")
     * @param period  the period it reads ("năm 2020")
     * @param reason  why, in Vietnamese ("chưa có số liệu trong kỳ")
     */
    public record Omission(String figure, String label, String section, String period, String reason) {
    }

    /**
     * The two columns at the top (Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuing body and its number on the left,
     * the national name, motto and the place and date on the right.
     */
    public record Letterhead(List<String> issuer, String number, String nationalName, String motto, String placeDate) {
    }

    /** Nơi nhận on the left, the signer's lines and name on the right. */
    public record Signature(String recipientsTitle, List<String> recipients, List<String> signerLines, String signerName) {
    }

    public sealed interface Block permits Heading, Para {
    }

    /** A heading: PART_LABEL "Phần thứ nhất", PART_TITLE, SECTION "I. …", SUBSECTION "1. …", TOPIC "2.1. …". */
    public record Heading(Level level, String text) implements Block {
    }

    public enum Level { PART_LABEL, PART_TITLE, SECTION, SUBSECTION, TOPIC }

    /**
     * A body paragraph. {@code placeholder} marks a free-text block not written yet: the preview shows it, files
     * leave it out.
     */
    public record Para(List<Run> runs, boolean placeholder) implements Block {

        public Para {
            runs = List.copyOf(runs);
        }

        public static Para of(String text) {
            return new Para(List.of(Run.text(text)), false);
        }

        /** The paragraph's text without its footnotes. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Run r : runs) {
                if (r.footnote() == null) {
                    sb.append(r.text());
                }
            }
            return sb.toString();
        }
    }

    /** Text, or (when {@code footnote} is set) the mark of a footnote whose text it carries. */
    public record Run(String text, String footnote) {

        public static Run text(String text) {
            return new Run(text, null);
        }

        public static Run note(String footnote) {
            return new Run("", footnote);
        }
    }
}
