package vn.kehoach.publication;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** A publication refused or not found, with the Vietnamese reason and its kind of problem. */
public class PublicationException extends IllegalArgumentException implements Refusal {

    private final ProblemType type;
    private final String field;

    public PublicationException(ProblemType type, String field, String message) {
        super(message);
        this.type = type;
        this.field = field;
    }

    /** Nothing published there: the public pages answer 404, never revealing whether anything unpublished exists. */
    public static PublicationException notPublished(String what) {
        return new PublicationException(ProblemType.NOT_FOUND, null, "Chưa có nội dung công khai: " + what);
    }

    @Override
    public Problem problem() {
        Problem p = Problem.of(type, getMessage());
        return field == null ? p : p.at(field, null);
    }
}
