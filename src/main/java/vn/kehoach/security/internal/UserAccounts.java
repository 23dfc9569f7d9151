package vn.kehoach.security.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import vn.kehoach.security.Users;

/**
 * Finds accounts for Spring Security and counts wrong passwords towards the lockout (form login and HTTP Basic
 * alike). A refusal because the account is locked is not a wrong password: it neither counts nor resets anything.
 */
@Component
class UserAccounts {

    private final Users users;

    UserAccounts(Users users) {
        this.users = users;
    }

    /** The account behind a username, for the password provider. */
    UserDetails load(String username) {
        return users.principal(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent e) {
        users.recordFailedLogin(e.getAuthentication().getName());
    }
}
