package vn.kehoach.planning.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.planning.PlanningCycle;
import vn.kehoach.target.Target;
import vn.kehoach.target.TargetStatus;
import vn.kehoach.target.spi.TargetLock;

/** Locks a unit's proposals (PROPOSED targets) for a year once it has sent them, until the unit above returns them. */
@Component
class SubmittedProposals implements TargetLock {

    private final PlanningCycle cycle;
    private final OrgUnits orgUnits;

    SubmittedProposals(PlanningCycle cycle, OrgUnits orgUnits) {
        this.cycle = cycle;
        this.orgUnits = orgUnits;
    }

    @Override
    public Optional<String> lockedBecause(Target stored, Target wanted) {
        Target t = stored != null && stored.status() == TargetStatus.PROPOSED ? stored
                : wanted != null && wanted.status() == TargetStatus.PROPOSED ? wanted : null;
        if (t == null) {
            return Optional.empty();
        }
        return orgUnits.find(t.orgUnitCode()).flatMap(u -> cycle.submittedLock(u, t.period().year()));
    }
}
