package vn.kehoach.comparison;

import java.time.Instant;
import java.util.List;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * What to compare, the one question every door asks the {@link ComparisonEngine#answer engine} (the comparisons page,
 * {@code /api/v1/comparisons}, {@code kehoach compare}, documents, the budget table, SDMX): some units, or every unit
 * of a root's subtree (at one level of the tree, or all of them); some periods, or none for every period that holds a
 * value in each unit's subtree or a target of the unit; the base period (null: the same period last year); the
 * instant the values are read as of (null: now, the latest vintage); the figures (null: every figure of the catalog).
 *
 * @param units   the units compared, in this order; empty when {@code root} is given
 * @param root    the unit whose subtree is compared (itself included), in tree order; null when {@code units} are given
 * @param level   with {@code root}: only the units at this level of the tree ({@link OrgUnit#level()}, as
 *                {@code kehoach unit list} prints it: 1 for a root); null for every unit of the subtree
 * @param periods the periods compared, in this order; empty for every period with data, unit by unit
 */
public record ComparisonQuery(List<OrgUnit> units, OrgUnit root, Integer level, List<Period> periods, Period base,
                              Instant asOf, List<String> figures) {

    public ComparisonQuery {
        units = units == null ? List.of() : List.copyOf(units);
        periods = periods == null ? List.of() : List.copyOf(periods);
        figures = figures == null ? null : figures.stream().map(f -> f.strip().toUpperCase()).toList();
        if (units.isEmpty() == (root == null)) {
            throw new IllegalArgumentException("so sánh cần hoặc các đơn vị hoặc một đơn vị gốc, không cả hai");
        }
        if (level != null && root == null) {
            throw new IllegalArgumentException("cấp (level) chỉ dùng với một đơn vị gốc");
        }
        if (level != null && level < root.level()) {
            throw new IllegalArgumentException("cấp " + level + " nằm trên " + root.name() + " (cấp " + root.level()
                    + "): chọn cấp từ " + root.level() + " trở xuống");
        }
        if ((base != null || asOf != null) && periods.isEmpty()) {
            throw new IllegalArgumentException("kỳ gốc và thời điểm số liệu cần kỳ so sánh");
        }
        for (Period p : periods) {
            if (base != null && base.type() != p.type()) {
                throw new IllegalArgumentException("kỳ gốc " + base.id() + " (" + base.type().label()
                        + ") phải cùng loại với kỳ " + p.id() + " (" + p.type().label() + ")");
            }
        }
    }

    /** The unit for the period; a null period: every period that holds data for it. */
    public static ComparisonQuery of(OrgUnit unit, Period period) {
        return new ComparisonQuery(List.of(unit), null, null, period == null ? List.of() : List.of(period), null,
                null, null);
    }

    /** The unit for each of the periods, period by period. */
    public static ComparisonQuery of(OrgUnit unit, List<Period> periods) {
        return new ComparisonQuery(List.of(unit), null, null, periods, null, null, null);
    }

    /** Each of the units, in this order, for the period (null: every period with data, unit by unit). */
    public static ComparisonQuery of(List<OrgUnit> units, Period period) {
        return new ComparisonQuery(units, null, null, period == null ? List.of() : List.of(period), null, null, null);
    }

    /** Every unit of the root's subtree at the level (null: all of them), in tree order, for the period. */
    public static ComparisonQuery below(OrgUnit root, Integer level, Period period) {
        return new ComparisonQuery(List.of(), root, level, period == null ? List.of() : List.of(period), null, null,
                null);
    }

    /** The same question against another base period (null: the same period last year). */
    public ComparisonQuery base(Period base) {
        return new ComparisonQuery(units, root, level, periods, base, asOf, figures);
    }

    /** The same question with the values as they stood at the instant (null: now). */
    public ComparisonQuery asOf(Instant asOf) {
        return new ComparisonQuery(units, root, level, periods, base, asOf, figures);
    }

    /** The same question about these figures only (null: all). */
    public ComparisonQuery figures(List<String> figures) {
        return new ComparisonQuery(units, root, level, periods, base, asOf, figures);
    }
}
