package vn.kehoach.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.kehoach.analytics.internal.Evaluation.Span;
import vn.kehoach.analytics.internal.Evaluation.Units;
import vn.kehoach.analytics.internal.IndexKeeper;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.comparison.FigureValue;
import vn.kehoach.comparison.Status;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * Year-end forecasts and early warnings (cảnh báo sớm): for each flow with a target of the year, the value to date
 * over the share of the year it reached by the same month in past years. Only years with values both before and
 * after that month teach the profile, so a year known only to June does not pass for a whole one.
 */
@Service
public class Forecasts {

    /** How many past years the profile looks back at most. */
    static final int YEARS_BACK = 5;

    private final IndexKeeper keeper;
    private final Catalog catalog;
    private final ComparisonEngine comparisons;

    public Forecasts(IndexKeeper keeper, Catalog catalog, ComparisonEngine comparisons) {
        this.keeper = keeper;
        this.catalog = catalog;
        this.comparisons = comparisons;
    }

    /** The forecasts of the unit's flows for the year from the values to the end of {@code throughMonth}. */
    public List<Forecast> forecast(OrgUnit unit, int year, int throughMonth) {
        if (throughMonth < 1 || throughMonth > 11) {
            return List.of();
        }
        Period toDate = Period.yearToDate(year, throughMonth);
        int before = toDate.monthMask();
        int after = Period.year(year).monthMask() & ~before;
        Map<String, Profile> profiles = new HashMap<>();
        return keeper.read(ev -> {
            Integer slot = ev.slotOf(unit.code());
            if (slot == null) {
                return List.of();
            }
            Units units = Units.of(slot);
            for (DataElement e : catalog.elements()) {
                if (e.timeAggregation() != TimeAggregation.SUM) {
                    continue;
                }
                FigureValue now = ev.value(e.code(), units, Span.of(toDate), ValueKind.ESTIMATE);
                if (now.isEmpty()) {
                    continue;
                }
                BigDecimal part = BigDecimal.ZERO;
                BigDecimal whole = BigDecimal.ZERO;
                List<Integer> basis = new ArrayList<>();
                boolean illustrative = now.illustrative();
                for (int y = year - 1; y >= year - YEARS_BACK; y--) {
                    FigureValue p = ev.value(e.code(), units, new Span(y, before), ValueKind.ESTIMATE);
                    FigureValue rest = ev.value(e.code(), units, new Span(y, after), ValueKind.ESTIMATE);
                    if (!p.isEmpty() && !rest.isEmpty()) {
                        part = part.add(p.value());
                        whole = whole.add(p.value()).add(rest.value());
                        basis.add(y);
                        illustrative |= p.illustrative() || rest.illustrative();
                    }
                }
                if (basis.isEmpty() || part.signum() <= 0 || whole.signum() <= 0) {
                    continue;
                }
                BigDecimal share = part.divide(whole, MathContext.DECIMAL64);
                profiles.put(e.code(), new Profile(now.value(), share, List.copyOf(basis),
                        now.value().divide(share, MathContext.DECIMAL64), illustrative));
            }
            Period whole = Period.year(year);
            // Judged by the comparison engine, as at year-end: the forecast stands in for the year's value.
            List<Comparison> judged = comparisons.compare(unit, List.of(whole), (figure, period, view) -> {
                Profile p = profiles.get(figure.code());
                if (p != null && period.equals(whole)) {
                    return new FigureValue(p.forecast, p.illustrative, false);
                }
                return period.equals(whole) ? FigureValue.EMPTY
                        : ev.value(figure.code(), units, Span.of(period), view);
            });
            List<Forecast> out = new ArrayList<>();
            for (Comparison c : judged) {
                Profile p = profiles.get(c.figure().code());
                if (p == null || c.target() == null || c.actual() == null || c.kind() != ValueKind.ACTUAL) {
                    continue;
                }
                out.add(new Forecast(toDate, p.toDate, p.share, p.basis, p.forecast, c, c.status() == Status.NOT_MET));
            }
            return out;
        });
    }

    private record Profile(BigDecimal toDate, BigDecimal share, List<Integer> basis, BigDecimal forecast,
                           boolean illustrative) {
    }
}
