package vn.kehoach.catalog;

import java.util.List;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/**
 * A catalog change refused for what was sent: the field concerned (as the API names it: {@code formula},
 * {@code unitCode}…), its value, and each thing to correct (every problem of a formula at once).
 */
public class CatalogException extends IllegalArgumentException implements Refusal {

    private final String field;
    private final String value;
    private final List<String> errors;

    public CatalogException(String field, String value, String message) {
        this(field, value, message, List.of());
    }

    public CatalogException(String field, String value, String message, List<String> errors) {
        super(message);
        this.field = field;
        this.value = value;
        this.errors = List.copyOf(errors);
    }

    public String field() {
        return field;
    }

    /** Each thing to correct, possibly empty when the message says it all. */
    public List<String> errors() {
        return errors;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.BAD_INPUT, getMessage()).at(field, value).listing(errors);
    }
}
