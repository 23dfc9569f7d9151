package vn.kehoach.planning;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** A step of the planning cycle that cannot be taken now, with the Vietnamese reason and its kind of problem. */
public class PlanningException extends IllegalArgumentException implements Refusal {

    private final ProblemType type;
    private final String field;

    public PlanningException(ProblemType type, String message) {
        this(type, null, message);
    }

    public PlanningException(ProblemType type, String field, String message) {
        super(message);
        this.type = type;
        this.field = field;
    }

    @Override
    public Problem problem() {
        Problem p = Problem.of(type, getMessage());
        return field == null ? p : p.at(field, null);
    }
}
