package vn.kehoach.access;

/**
 * The one access question: may the current actor read or write this resource at this place? Every module's service
 * asks it before it reads or writes, whichever page, API call, import or command asked. The security module answers
 * it (role × the actor's org-unit subtree, one rule per resource); a refusal is the security module's
 * {@code OutOfScopeException}, whose Vietnamese message says who, what and why (403 on the web, exit code 2 on the
 * command line).
 */
public interface Guard {

    /** True when the current actor may read the resource at the place. */
    boolean mayRead(Resource resource, Place place);

    /** True when the current actor may write the resource at the place. */
    boolean mayWrite(Resource resource, Place place);

    /** Refuses a read the current actor may not make. */
    void checkRead(Resource resource, Place place);

    /** Refuses a write the current actor may not make. */
    void checkWrite(Resource resource, Place place);
}
