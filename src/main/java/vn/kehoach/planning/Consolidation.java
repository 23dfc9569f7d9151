package vn.kehoach.planning;

import java.util.List;
import java.util.Map;

import vn.kehoach.catalog.Figure;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.target.SumCheck;
import vn.kehoach.target.Target;

/**
 * The consolidation page of a cycle (tổng hợp và phân bổ): for every figure asked for, the unit's own target beside the
 * sum (or the recomputed ratio) of the proposals of the units below and of what it allocated to them.
 *
 * @param cycle   the cycle
 * @param below   the units below, in display order
 * @param figures one line per figure of the cycle
 */
public record Consolidation(PlanCycle cycle, List<OrgUnit> below, List<Line> figures) {

    /**
     * One figure.
     *
     * @param figure      the figure
     * @param own         the unit's own target for the year (its draft, or adopted), or null
     * @param proposals   the sum check of the unit's target against the proposals below, or null without own target
     * @param allocations the sum check against what it allocated, or null
     * @param proposed    each unit's proposal by unit code
     * @param allocated   each unit's allocated target by unit code
     */
    public record Line(Figure figure, Target own, SumCheck proposals, SumCheck allocations,
                       Map<String, Target> proposed, Map<String, Target> allocated) {
    }
}
