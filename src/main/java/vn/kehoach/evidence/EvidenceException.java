package vn.kehoach.evidence;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** An attachment refused or not found: too large, of a type not accepted, lying about its type, unknown. */
public class EvidenceException extends RuntimeException implements Refusal {

    private final transient Problem problem;

    public EvidenceException(ProblemType type, String detail, String field, String value) {
        super(detail);
        this.problem = Problem.of(type, detail).at(field, value);
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
