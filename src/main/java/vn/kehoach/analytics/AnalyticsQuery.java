package vn.kehoach.analytics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;

/**
 * One pivot table to compute: which figures, org units, periods and kinds, and which dimensions run along the rows
 * and the columns. A dimension on neither axis is a filter and must hold one item.
 *
 * @param figures        element and indicator codes; empty for every figure of the catalog
 * @param orgUnits       org-unit codes
 * @param level          when given, each org unit is replaced by the units of its subtree at this level of the tree
 *                       (1 for the top): the hierarchy is data, so levels are numbers, not names
 * @param periods        periods; each is replaced by the periods of {@code periodType} inside it when that is given
 * @param periodType     optional: split each period into periods of this type (the months of a year…)
 * @param kinds          the views: {@link ValueKind#ACTUAL} (thực hiện) or {@link ValueKind#ESTIMATE} (ước thực hiện,
 *                       falling back to the actual value unit by unit); empty for the estimate view
 * @param rows           the dimensions along the rows, outermost first
 * @param columns        the dimensions along the columns
 * @param totals         adds a total row or column where the axis is org units or periods: the figure over all of
 *                       them, aggregated by its own rules (never a sum of the cells above it for a rate or a stock)
 */
public record AnalyticsQuery(List<String> figures, List<String> orgUnits, Integer level, List<Period> periods,
                             PeriodType periodType, List<ValueKind> kinds, List<Dimension> rows,
                             List<Dimension> columns, boolean totals) {

    public AnalyticsQuery {
        figures = figures == null ? List.of() : List.copyOf(figures);
        orgUnits = orgUnits == null ? List.of() : List.copyOf(orgUnits);
        periods = periods == null ? List.of() : List.copyOf(periods);
        kinds = kinds == null || kinds.isEmpty() ? List.of(ValueKind.ESTIMATE) : List.copyOf(kinds);
        rows = rows == null ? List.of() : List.copyOf(rows);
        columns = columns == null ? List.of() : List.copyOf(columns);
        if (orgUnits.isEmpty()) {
            throw new IllegalArgumentException("thiếu đơn vị (orgUnit)");
        }
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("thiếu kỳ (period)");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cần ít nhất một chiều ở hàng (rows)");
        }
        Set<Dimension> seen = EnumSet.noneOf(Dimension.class);
        List<Dimension> both = new ArrayList<>(rows);
        both.addAll(columns);
        for (Dimension d : both) {
            if (!seen.add(d)) {
                throw new IllegalArgumentException("chiều '" + d.parameter() + "' chỉ được đặt ở hàng hoặc cột một lần");
            }
        }
        if (level != null && level < 1) {
            throw new IllegalArgumentException("cấp đơn vị (level) phải từ 1 trở lên, không phải " + level);
        }
    }

    /** The usual table: figures down the rows, one org unit and period. */
    public static AnalyticsQuery of(List<String> figures, String orgUnit, Period period, ValueKind kind) {
        return new AnalyticsQuery(figures, List.of(orgUnit), null, List.of(period), null, List.of(kind),
                List.of(Dimension.FIGURE), List.of(), false);
    }
}
