package vn.kehoach;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.kehoach.security.ActorPrincipal;
import vn.kehoach.security.Users;

/**
 * Runs a piece of a test as a signed-in user, the way a request of that user runs: the services see the user's
 * roles and org-unit scope through {@code Actors.current()}. Outside it they see the system actor.
 */
public final class ActingAs {

    private ActingAs() {
    }

    public static <T> T as(Users users, String username, Supplier<T> action) {
        ActorPrincipal principal = users.principal(username)
                .orElseThrow(() -> new IllegalArgumentException("no user " + username));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static void run(Users users, String username, Runnable action) {
        as(users, username, () -> {
            action.run();
            return null;
        });
    }
}
