package vn.kehoach.publication.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.kehoach.comparison.Cells;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.publication.TargetSnapshot;

/**
 * The main targets of a plan as published: every figure of the plan's report period that has a target, with the
 * actual, % of plan and status exactly as the comparisons page prints them ({@link Cells}), and the target of the
 * plan year beside it.
 */
@Component
public class TargetTables {

    private final ComparisonEngine engine;

    public TargetTables(ComparisonEngine engine) {
        this.engine = engine;
    }

    public TargetSnapshot snapshot(OrgUnit unit, Period reportPeriod, int year) {
        Period planYear = Period.year(year);
        Map<String, String> next = new LinkedHashMap<>();
        for (Comparison c : engine.compare(unit, List.of(planYear))) {
            if (c.target() != null && c.target().period().equals(planYear)) {
                Cells cells = Cells.of(c);
                next.putIfAbsent(c.figure().code(), cells.target() + " (" + cells.issuer() + ")");
            }
        }
        List<TargetSnapshot.Line> lines = new ArrayList<>();
        for (Comparison c : engine.compare(unit, List.of(reportPeriod))) {
            if (c.target() == null) {
                continue;
            }
            Cells x = Cells.of(c);
            lines.add(new TargetSnapshot.Line(x.code(), x.name(), x.kind(), x.target(), x.issuer(), x.actual(),
                    x.pctOfPlan(), x.status(), x.statusClass(), x.dataNote(), next.getOrDefault(x.code(), "")));
        }
        return new TargetSnapshot(unit.name(), reportPeriod.label(), year, lines);
    }

    /** The snapshot as CSV, the file a target publication's hash is of. */
    public static String csv(TargetSnapshot s) {
        List<List<?>> rows = new ArrayList<>();
        for (TargetSnapshot.Line l : s.lines()) {
            rows.add(List.of(l.code(), l.name(), l.kind(), l.target(), l.issuer(), l.actual(), l.pctOfPlan(),
                    l.status(), l.dataNote(), l.nextTarget()));
        }
        return vn.kehoach.format.Csv.write(List.of("ma", "chi_tieu", "loai_so", "ke_hoach", "cap_giao",
                "thuc_hien", "pct_ke_hoach", "danh_gia", "ghi_chu", "chi_tieu_nam_" + s.year()), rows);
    }
}
