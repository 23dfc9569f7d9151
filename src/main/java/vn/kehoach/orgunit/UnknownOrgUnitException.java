package vn.kehoach.orgunit;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** A code that names no org unit. */
public class UnknownOrgUnitException extends IllegalArgumentException implements Refusal {

    private final String code;

    public UnknownOrgUnitException(String code) {
        super("Không có đơn vị mã '" + code + "'");
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.NOT_FOUND, getMessage()).at("orgUnit", code);
    }
}
