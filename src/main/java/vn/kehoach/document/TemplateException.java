package vn.kehoach.document;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** A setting that cannot be used, with where and why: "Biểu mẫu, dòng 12, cột 9: chỉ tiêu 'GRAIN' không có". */
public class TemplateException extends IllegalArgumentException implements Refusal {

    private final TemplateKind kind;

    public TemplateException(TemplateKind kind, String message) {
        super(kind.label() + ", " + message);
        this.kind = kind;
    }

    public TemplateKind kind() {
        return kind;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.BAD_INPUT, getMessage());
    }
}
