/**
 * The planning cycle for a plan year (chu trình kế hoạch năm): the unit above opens it with its guidance (deadline, the
 * figures it asks for, whether it wants the estimate of the year before); each unit below proposes its targets and
 * submits them like a form; the unit above consolidates them beside its own draft (the sum check), allocates targets
 * to the units below, and its plan is adopted by a resolution, which locks the targets; an adopted target changes only
 * by an adjustment with its decision and the day it takes effect. {@link vn.kehoach.planning.PlanningCycle} is the
 * service; the pages are /plans/{year}, its proposal and consolidation pages, the API /api/v1/plans/{year}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"target", "target :: spi", "catalog", "orgunit",
        "period", "security", "access", "audit", "format", "problem", "demo"})
package vn.kehoach.planning;
