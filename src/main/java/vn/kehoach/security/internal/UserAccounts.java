package vn.kehoach.security.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import vn.kehoach.security.Users;

/** Finds accounts for Spring Security and counts failed logins towards the lockout. */
@Component
class UserAccounts implements UserDetailsService {

    private final Users users;

    UserAccounts(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.principal(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent e) {
        users.recordFailedLogin(e.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent e) {
        users.recordSuccessfulLogin(e.getAuthentication().getName());
    }
}
