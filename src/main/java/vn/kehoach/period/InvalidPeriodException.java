package vn.kehoach.period;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** A period id that cannot be read; the message, in Vietnamese, names the id and what is wrong. */
public class InvalidPeriodException extends IllegalArgumentException implements Refusal {

    private final String id;

    public InvalidPeriodException(String id, String reason) {
        super("Kỳ '" + id + "' không hợp lệ: " + reason);
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.BAD_INPUT, getMessage()).at("period", id);
    }
}
