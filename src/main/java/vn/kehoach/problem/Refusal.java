package vn.kehoach.problem;

/**
 * An exception that refuses a request for a reason the person can act on. Implemented by the domain exceptions of
 * every module (whatever class they extend), so that the web and the command line map one model, once.
 */
public interface Refusal {

    /** What to tell the person: the kind, the Vietnamese detail, the field and value concerned. */
    Problem problem();
}
