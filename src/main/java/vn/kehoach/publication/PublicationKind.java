package vn.kehoach.publication;

import java.util.LinkedHashSet;
import java.util.Set;

/** What can be published for a unit's year, each as one file with its hash. */
public enum PublicationKind {
    /** Văn bản kế hoạch: the plan document as PDF, signed or not. */
    PLAN("plan", "Văn bản kế hoạch"),
    /** Chỉ tiêu chủ yếu và kết quả thực hiện: a snapshot of the comparisons, with a CSV file. */
    TARGETS("targets", "Chỉ tiêu chủ yếu và kết quả thực hiện"),
    /** Công khai ngân sách: the Thông tư 343/2016/TT-BTC forms, with an XLSX file. */
    BUDGET("budget", "Công khai ngân sách");

    private final String code;
    private final String label;

    PublicationKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The name on the command line and in the API ({@code plan}, {@code targets}, {@code budget}). */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static PublicationKind parse(String text) {
        String t = text == null ? "" : text.strip();
        for (PublicationKind k : values()) {
            if (k.code.equalsIgnoreCase(t) || k.name().equalsIgnoreCase(t)) {
                return k;
            }
        }
        throw new PublicationException(vn.kehoach.problem.ProblemType.BAD_INPUT, "what",
                "nội dung công bố '" + text + "' không có; dùng plan, targets hoặc budget");
    }

    /** "plan,targets" → both; empty or null → all three. */
    public static Set<PublicationKind> parseList(String text) {
        Set<PublicationKind> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            out.addAll(Set.of(values()));
            return Set.copyOf(out);
        }
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        return out;
    }
}
