package vn.kehoach.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security holds it: the actor, and the hash only to check the password. */
public final class ActorPrincipal implements UserDetails {

    private final Actor actor;
    private final transient String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    ActorPrincipal(Actor actor, String passwordHash, boolean enabled, boolean locked) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return actor.username();
    }

    static List<String> roleNames(Actor a) {
        return a.roles().stream().map(Enum::name).sorted().toList();
    }
}
