package vn.kehoach.validation;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** A rule field that cannot be read: bad input naming the field and what was sent in it. */
public class RuleInputException extends IllegalArgumentException implements Refusal {

    private final String field;
    private final String value;

    public RuleInputException(String field, String value, String message) {
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
