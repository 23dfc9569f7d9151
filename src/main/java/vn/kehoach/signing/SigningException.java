package vn.kehoach.signing;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/**
 * Input the signer or verifier cannot use — a missing file, a file that is not a PDF, a wrong key-store password or
 * alias — with a Vietnamese message naming the file or option; the command line exits 2 on it.
 */
public class SigningException extends RuntimeException implements Refusal {

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.BAD_INPUT, getMessage());
    }
}
