package vn.kehoach.security;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** An act refused because the unit lies outside the actor's subtree or the actor lacks the role. */
public class OutOfScopeException extends RuntimeException implements Refusal {

    public OutOfScopeException(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.FORBIDDEN, getMessage());
    }
}
