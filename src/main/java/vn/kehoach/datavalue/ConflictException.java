package vn.kehoach.datavalue;

/** Someone else saved the same value first; the message says who and when. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
