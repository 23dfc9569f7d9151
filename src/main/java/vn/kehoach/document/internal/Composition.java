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
    public record Para(List<Run> runs, boolean placeholder, Origin origin) implements Block {

        public Para {
            runs = List.copyOf(runs);
        }

        public Para(List<Run> runs, boolean placeholder) {
            this(runs, placeholder, null);
        }

        /** The same paragraph, marked as coming from {@code from}. */
        public Para from(Origin from) {
            return new Para(runs, placeholder, from);
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

    /**
     * Where a paragraph comes from, so that the Word file can mark it (a content control) and an uploaded file can be
     * matched back: a planner's free-text block ({@code key}), a paragraph the system wrote from figures
     * ({@code figures}, named in messages by {@code labels}), or a section left out of the files because nothing in
     * it is printed ({@code level}: the preview shows it, greyed).
     */
    public record Origin(Kind kind, String key, List<String> figures, List<String> labels, Level level) {

        public Origin {
            figures = figures == null ? List.of() : List.copyOf(figures);
            labels = labels == null ? List.of() : List.copyOf(labels);
        }

        public enum Kind { BLOCK, GENERATED, OMITTED_SECTION }

        public static Origin block(String key, String title) {
            return new Origin(Kind.BLOCK, key, null, title == null ? null : List.of(title), null);
        }

        public static Origin generated(List<String> figures, List<String> labels) {
            return new Origin(Kind.GENERATED, null, figures, labels, null);
        }

        public static Origin omitted(Level level) {
            return new Origin(Kind.OMITTED_SECTION, null, null, null, level);
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
