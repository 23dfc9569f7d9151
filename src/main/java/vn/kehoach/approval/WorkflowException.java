package vn.kehoach.approval;

import java.util.List;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/**
 * A step of the workflow that cannot be taken now: submitting a form with errors, approving one not submitted…
 * The message says what and why; {@link #problems()} lists each thing to correct.
 */
public class WorkflowException extends RuntimeException implements Refusal {

    private final List<String> problems;

    public WorkflowException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public WorkflowException(String message) {
        this(message, List.of());
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.CONFLICT, getMessage()).listing(problems);
    }
}
