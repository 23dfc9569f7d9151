package vn.kehoach.target;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** A target asked for by figure, unit, period and issuer that is not stored. */
public class TargetNotFoundException extends IllegalArgumentException implements Refusal {

    public TargetNotFoundException(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.NOT_FOUND, getMessage());
    }
}
