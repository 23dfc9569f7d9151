package vn.kehoach.datavalue;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/**
 * A value that may not change now (its form is submitted or approved); the message says why and whom to ask.
 * It is bad input for the one who sent it, so imports report it with the file and line like any other.
 */
public class EntryLockedException extends IllegalArgumentException implements Refusal {

    public EntryLockedException(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.LOCKED, getMessage());
    }
}
