package vn.kehoach.problem;

import java.util.List;

/**
 * What went wrong, as a person reads it (RFC 9457's problem details, in Vietnamese).
 *
 * @param type   the kind, which fixes the HTTP status, the exit code and the title
 * @param detail the Vietnamese sentence naming what is wrong ("Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2")
 * @param field  the request field concerned ("period"), or null
 * @param value  the value sent in that field ("2021S3"), or null
 * @param errors each thing to correct (the refused rows of an import, the problems of a form), possibly empty
 */
public record Problem(ProblemType type, String detail, String field, String value, List<String> errors) {

    /** The detail of every unexpected failure: nothing of the internals, only what the person can do. */
    public static final String INTERNAL_DETAIL =
            "Đã xảy ra lỗi hệ thống, thao tác chưa hoàn tất. Hãy thử lại; nếu vẫn lỗi, báo quản trị viên kèm mã lỗi.";

    public Problem {
        if (type == null) {
            throw new IllegalArgumentException("a problem needs its type");
        }
        detail = detail == null || detail.isBlank() ? type.title() : detail;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, null, null, List.of());
    }

    /** The same problem naming the field and the value sent in it. */
    public Problem at(String field, String value) {
        return new Problem(type, detail, field, value, errors);
    }

    /** The same problem listing each thing to correct. */
    public Problem listing(List<String> each) {
        return new Problem(type, detail, field, value, each);
    }

    /**
     * The problem behind any failure: the first {@link Refusal} in the cause chain, else the first
     * {@link IllegalArgumentException} (bad input, whose message every module writes in Vietnamese), else an
     * unexpected failure whose own text is withheld.
     */
    public static Problem of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal r) {
                return r.problem();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null) {
                return of(ProblemType.BAD_INPUT, t.getMessage());
            }
        }
        return of(ProblemType.INTERNAL, INTERNAL_DETAIL);
    }

    /** True when the failure is not one a person can act on: it must be logged with its stack trace. */
    public boolean unexpected() {
        return type == ProblemType.INTERNAL;
    }
}
