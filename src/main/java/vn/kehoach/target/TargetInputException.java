package vn.kehoach.target;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** A target field that cannot be read: bad input naming the field and what was sent in it. */
public class TargetInputException extends IllegalArgumentException implements Refusal {

    private final String field;
    private final String value;

    public TargetInputException(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.BAD_INPUT, getMessage()).at(field, value);
    }
}
