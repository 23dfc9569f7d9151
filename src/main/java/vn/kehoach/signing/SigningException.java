package vn.kehoach.signing;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/**
 * Input the signer or verifier cannot use — a missing file, a file that is not a PDF, a wrong key-store password or
 * alias — with a Vietnamese message naming the file or option; the command line exits 2 on it.
 */
public class SigningException extends RuntimeException implements Refusal {

    private final ProblemType type;
    private final String field;

    public SigningException(String message) {
        this(ProblemType.BAD_INPUT, message, null, null);
    }

    public SigningException(String message, Throwable cause) {
        this(ProblemType.BAD_INPUT, message, null, cause);
    }

    /**
     * A refusal of another kind — {@link ProblemType#BUSY} when the time-stamping server is down or answers with an
     * error: nothing is wrong with what was sent, and the same request may succeed later (exit code 1, HTTP 503) —
     * and, for a form or an API call, the request field it concerns, or null.
     */
    public SigningException(ProblemType type, String message, String field, Throwable cause) {
        super(message, cause);
        this.type = type;
        this.field = field;
    }

    /** The same refusal naming the request field it concerns ("password", "keystore", "file"). */
    public SigningException at(String field) {
        return new SigningException(type, getMessage(), field, this);
    }

    /** The request field the refusal concerns, or null. */
    public String field() {
        return field;
    }

    @Override
    public Problem problem() {
        Problem p = Problem.of(type, getMessage());
        return field == null ? p : p.at(field, null);
    }
}
