package vn.kehoach.security;

/** An act refused because the unit lies outside the actor's subtree or the actor lacks the role. */
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String message) {
        super(message);
    }
}
