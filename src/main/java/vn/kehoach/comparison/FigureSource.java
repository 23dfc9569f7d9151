package vn.kehoach.comparison;

import vn.kehoach.catalog.Figure;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.period.Period;

/**
 * Where the comparison engine reads the values of one org unit's figures: from the database (the engine's own
 * BigDecimal aggregation of the subtree's stored values) or from any other source that aggregates by the same
 * rules, such as the analytics engine's in-memory index.
 */
public interface FigureSource {

    /**
     * The figure's value for the unit over the period in the view: {@link vn.kehoach.datavalue.ValueKind#ACTUAL}
     * reads actual values only; {@link vn.kehoach.datavalue.ValueKind#ESTIMATE} reads, unit by unit, the estimate
     * where there is one and the most final figure otherwise; {@link vn.kehoach.datavalue.ValueKind#PRELIMINARY}
     * is the latest vintage: the actual value where there is one and the preliminary figure otherwise. {@link FigureValue#EMPTY} when nothing feeds it.
     */
    FigureValue value(Figure figure, Period period, ValueKind view);

    /**
     * Why the figure over the period cannot be compared across a reorganisation (a former unit's figures that belong
     * here only by a share that was never given, or an element that is not added up across units); empty when it can.
     */
    default java.util.Optional<String> notComparable(Figure figure, Period period) {
        return java.util.Optional.empty();
    }

    /**
     * The last day of the latest stored period that goes into the figure's value over the period in the view (for an
     * indicator, the earliest such day of its operands: a ratio is only as recent as its oldest part); empty when
     * nothing feeds it or the source cannot tell. A day before the period's end means the value covers only part of
     * it: a year view of data known to June.
     */
    default java.util.Optional<java.time.LocalDate> dataThrough(Figure figure, Period period, ValueKind view) {
        return java.util.Optional.empty();
    }
}
