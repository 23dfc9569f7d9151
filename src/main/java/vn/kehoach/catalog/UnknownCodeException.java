package vn.kehoach.catalog;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** A code that names nothing in the catalog; the message says what was looked for. */
public class UnknownCodeException extends IllegalArgumentException implements Refusal {

    private final String code;

    public UnknownCodeException(String what, String code) {
        super("Không có " + what + " mã '" + code + "'");
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.NOT_FOUND, getMessage()).at("code", code);
    }
}
