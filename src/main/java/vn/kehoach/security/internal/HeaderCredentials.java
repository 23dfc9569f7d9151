package vn.kehoach.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API's two ways of carrying credentials in a header, HTTP Basic and a Bearer token. A request with either is
 * authenticated by that header alone (right: its user; wrong: 401), never by a session cookie it may also carry, so
 * that such a request can skip the CSRF check: another site cannot make a browser send it. As the API chain's
 * security-context repository it hides the session from such requests; every other request uses the session.
 */
final class HeaderCredentials implements SecurityContextRepository {

    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    static boolean basic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    static boolean bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    static boolean present(HttpServletRequest request) {
        return basic(request) || bearer(request);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (present(request)) {
            return new DeferredSecurityContext() {
                @Override
                public SecurityContext get() {
                    return SecurityContextHolder.createEmptyContext();
                }

                @Override
                public boolean isGenerated() {
                    return true;
                }
            };
        }
        return sessions.loadDeferredContext(request);
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return present(holder.getRequest()) ? SecurityContextHolder.createEmptyContext() : sessions.loadContext(holder);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (!present(request)) {
            sessions.saveContext(context, request, response);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return !present(request) && sessions.containsContext(request);
    }
}
