package vn.kehoach.datavalue.spi;

import java.util.Optional;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * Whether a value may change now. {@link vn.kehoach.datavalue.DataValues} asks every implementation before it
 * writes or removes a value, whatever the channel (page, API, import), so that a module above it (approval: a
 * submitted or approved form) can lock data entry without this module knowing it.
 */
public interface EntryLock {

    /**
     * Why the value of this element for this unit and period may not change now, in Vietnamese and naming what
     * to do about it; empty when it may.
     */
    Optional<String> lockedBecause(String elementCode, OrgUnit unit, Period period);
}
