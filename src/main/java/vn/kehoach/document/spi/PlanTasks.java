package vn.kehoach.document.spi;

import java.util.List;

import vn.kehoach.orgunit.OrgUnit;

/** Nhiệm vụ, giải pháp: a source of the plan tasks that Part 2 lists under each sector's text. */
public interface PlanTasks {

    /** The tasks of the unit for the plan's year. */
    List<PlanTaskLine> tasks(OrgUnit unit, int year);
}
