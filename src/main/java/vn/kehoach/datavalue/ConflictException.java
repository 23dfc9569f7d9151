package vn.kehoach.datavalue;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** Someone else saved the same value first; the message says who and when, and names the cell. */
public class ConflictException extends RuntimeException implements Refusal {

    /** PostgreSQL's serialization failure and deadlock, and a unique key taken by a concurrent insert. */
    private static final Set<String> CONCURRENT_STATES = Set.of("40001", "40P01", "23505");

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.CONFLICT, getMessage());
    }

    /**
     * True when a failure came from another writer working on the same rows at the same moment — a conflict, a
     * deadlock, a serialization failure, a key inserted concurrently — so that running the whole transaction again
     * (reading what the other one stored) may well succeed. Whoever retries must start a new transaction: on
     * PostgreSQL the failed one is aborted.
     */
    public static boolean concurrent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConflictException || t instanceof ConcurrencyFailureException
                    || t instanceof DuplicateKeyException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && CONCURRENT_STATES.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
