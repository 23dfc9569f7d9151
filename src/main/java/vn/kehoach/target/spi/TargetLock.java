package vn.kehoach.target.spi;

import java.util.Optional;

import vn.kehoach.target.Target;

/**
 * Whether a target may change now. {@link vn.kehoach.target.Targets} asks every implementation before it writes or
 * deletes a target, whatever the channel (page, API, import, command line), so that a module above it (planning: the
 * proposals a unit has submitted) can lock targets without this module knowing it.
 */
public interface TargetLock {

    /**
     * Why the target may not change now, in Vietnamese and naming what to do about it; empty when it may.
     *
     * @param stored the target as stored, or null when there is none
     * @param wanted the target as it would be stored, or null when it is to be deleted
     */
    Optional<String> lockedBecause(Target stored, Target wanted);
}
