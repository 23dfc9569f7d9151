package vn.kehoach.document;

/** A setting that cannot be used, with where and why: "Biểu mẫu, dòng 12, cột 9: chỉ tiêu 'GRAIN' không có". */
public class TemplateException extends IllegalArgumentException {

    private final TemplateKind kind;

    public TemplateException(TemplateKind kind, String message) {
        super(kind.label() + ", " + message);
        this.kind = kind;
    }

    public TemplateKind kind() {
        return kind;
    }
}
