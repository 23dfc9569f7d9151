package vn.kehoach.entry;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/**
 * A form asked for a unit outside its life (ended by a reorganisation before the period, or created after it): a
 * conflict with the administrative tree, answered 409 with the day the unit ended and the unit that took it over.
 */
public class UnitNotInForceException extends RuntimeException implements Refusal {

    public UnitNotInForceException(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.CONFLICT, getMessage());
    }
}
