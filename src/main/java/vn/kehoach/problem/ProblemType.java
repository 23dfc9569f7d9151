package vn.kehoach.problem;

/**
 * The kinds of problem, each with its HTTP status, the command line's exit code and a Vietnamese title. Every refusal
 * a person can act on exits 2 on the command line (as a bad period or code always did); only an unexpected failure
 * exits 1, so a script tells "fix what you sent" from "something broke".
 */
public enum ProblemType {

    /** Dữ liệu không hợp lệ: a malformed period, a number that is not one, a rule broken by what was sent. */
    BAD_INPUT(400, 2, "bad-input", "Dữ liệu không hợp lệ"),
    /** Chưa đăng nhập: no credentials, or wrong ones. */
    UNAUTHORIZED(401, 2, "unauthorized", "Chưa đăng nhập"),
    /** Không có quyền: outside the actor's subtree, or a role the actor lacks. */
    FORBIDDEN(403, 2, "forbidden", "Không có quyền"),
    /** Không tìm thấy: a code that names nothing, an address that does not exist. */
    NOT_FOUND(404, 2, "not-found", "Không tìm thấy"),
    /** Xung đột: someone else changed the same thing first; reload and try again. */
    CONFLICT(409, 2, "conflict", "Xung đột khi lưu"),
    /** Đã khóa: a value of a submitted or approved form; 409 as DHIS2 answers a write to approved data. */
    LOCKED(409, 2, "locked", "Số liệu đã khóa"),
    /** Quá lớn: an upload over the limit. */
    TOO_LARGE(413, 2, "too-large", "Tệp quá lớn"),
    /** Máy chủ đang bận: no database connection came in time; the same request may succeed a moment later. */
    BUSY(503, 1, "busy", "Máy chủ đang bận"),
    /** Lỗi hệ thống: anything unexpected; its details go to the log, never to the person. */
    INTERNAL(500, 1, "internal", "Lỗi hệ thống");

    private final int status;
    private final int exitCode;
    private final String slug;
    private final String title;

    ProblemType(int status, int exitCode, String slug, String title) {
        this.status = status;
        this.exitCode = exitCode;
        this.slug = slug;
        this.title = title;
    }

    /** The HTTP status of the API and of the page. */
    public int status() {
        return status;
    }

    /** The exit code of the command line: 2 for every refusal, 1 for an unexpected failure. */
    public int exitCode() {
        return exitCode;
    }

    /** The problem type URI of RFC 9457, e.g. {@code urn:kehoach:problem:conflict}. */
    public String uri() {
        return "urn:kehoach:problem:" + slug;
    }

    /** The short Vietnamese title (RFC 9457 "title"). */
    public String title() {
        return title;
    }

    /** The type of an HTTP status: 404 → NOT_FOUND; any other 4xx → BAD_INPUT, 5xx → INTERNAL. */
    public static ProblemType ofStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != LOCKED) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : BAD_INPUT;
    }
}
