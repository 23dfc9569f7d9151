/**
 * The numbers of "đạt X% KH, bằng Y% so với cùng kỳ": for an org unit and period, every figure's actual or
 * estimate (aggregated up the tree and over time by each element's rules, indicators evaluated after
 * aggregation), its targets, % of plan, the same period last year, % and change against it, and a status
 * judged with the target's direction and the figure's polarity. Computed, never stored.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"datavalue", "target", "catalog", "orgunit", "period", "format", "security", "problem"})
package vn.kehoach.comparison;
