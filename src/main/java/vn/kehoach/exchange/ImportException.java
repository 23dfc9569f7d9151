package vn.kehoach.exchange;

import java.util.List;
import java.util.stream.Collectors;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** An import refused as a whole; nothing of it was stored. */
public class ImportException extends RuntimeException implements Refusal {

    private final List<ImportError> errors;

    public ImportException(List<ImportError> errors) {
        super("Không nhập được, chưa lưu gì (" + errors.size() + " lỗi):\n"
                + errors.stream().map(e -> "  - " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.BAD_INPUT, "Không nhập được, chưa lưu gì")
                .listing(errors.stream().map(Object::toString).toList());
    }
}
