package vn.kehoach.publication;

import java.util.List;

/**
 * The main targets as published: the results of the plan's report period against their targets, as the comparisons
 * page prints them, with the target the plan sets for its year beside each.
 *
 * @param periodLabel "6 tháng đầu năm 2021"
 * @param year        the plan year
 */
public record TargetSnapshot(String unitName, String periodLabel, int year, List<Line> lines) {

    public TargetSnapshot {
        lines = List.copyOf(lines);
    }

    /** One figure against one issuer's target, every cell printed. */
    public record Line(String code, String name, String kind, String target, String issuer, String actual,
                       String pctOfPlan, String status, String statusClass, String dataNote, String nextTarget) {
    }
}
