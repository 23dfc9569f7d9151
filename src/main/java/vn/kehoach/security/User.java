package vn.kehoach.security;

import java.time.Instant;
import java.util.Set;

/** A user account as administrators see it (never the password hash). */
public record User(long id, String username, String displayName, Set<Role> roles, String orgUnitCode,
                   String orgUnitName, boolean enabled, int failedAttempts, Instant lockedUntil, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
