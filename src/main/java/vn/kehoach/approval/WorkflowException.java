package vn.kehoach.approval;

import java.util.List;

/**
 * A step of the workflow that cannot be taken now: submitting a form with errors, approving one not submitted…
 * The message says what and why; {@link #problems()} lists each thing to correct.
 */
public class WorkflowException extends RuntimeException {

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
}
