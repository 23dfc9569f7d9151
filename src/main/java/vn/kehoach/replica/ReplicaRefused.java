package vn.kehoach.replica;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** A read replica the application will not use: not PostgreSQL, not in recovery, or a copy of another database. */
public class ReplicaRefused extends RuntimeException implements Refusal {

    public ReplicaRefused(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.BAD_INPUT, getMessage()).at("--db-replica", null);
    }
}
