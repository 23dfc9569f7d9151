package vn.kehoach.target;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/**
 * A target that may not change now: adopted by a resolution (changed only by an adjustment), or a proposal its unit
 * has submitted. The message says why and what to do.
 */
public class TargetLockedException extends IllegalArgumentException implements Refusal {

    public TargetLockedException(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.LOCKED, getMessage());
    }
}
