/**
 * Plan tasks (nhiệm vụ, giải pháp): for a plan year and sector, what is to be done, the agency that leads it, the
 * units that cooperate, the deadline, the status and dated progress notes. Planners set the tasks; the lead agency
 * sees and reports on its own; what is past its deadline and not done is overdue. Part 2 of the plan reads the
 * tasks sector by sector.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"document :: spi", "orgunit", "catalog", "security", "access", "format", "datavalue", "demo", "audit"})
package vn.kehoach.task;
