package vn.kehoach.comparison;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DefinitionChange;
import vn.kehoach.catalog.Definitions;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.comparison.internal.Judge;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;
import vn.kehoach.target.Basis;
import vn.kehoach.target.Target;
import vn.kehoach.target.Targets;

/**
 * Five-year plans (kế hoạch 5 năm): each five-year target of a unit measured against the base year and the latest
 * year with a value, with the average annual growth, the growth still required, and the yearly targets that cascade
 * from it. Values are read as the comparison engine reads them (on the present territory, latest vintage).
 */
@Service
@Transactional(readOnly = true)
public class FiveYearPlans {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ComparisonEngine engine;
    private final Targets targets;
    private final Catalog catalog;
    private final Definitions definitions;

    public FiveYearPlans(ComparisonEngine engine, Targets targets, Catalog catalog, Definitions definitions) {
        this.engine = engine;
        this.targets = targets;
        this.catalog = catalog;
        this.definitions = definitions;
    }

    /** The progress of every five-year target of the unit for the plan period ("2021-2025"). */
    public List<FiveYearProgress> progress(OrgUnit unit, Period plan) {
        if (plan.type() != PeriodType.FIVE_YEARLY) {
            throw new IllegalArgumentException("kỳ " + plan.id() + " không phải giai đoạn 5 năm; dùng dạng 2021-2025");
        }
        List<Target> fiveYear = targets.list(unit, plan, null);
        if (fiveYear.isEmpty()) {
            return List.of();
        }
        List<Period> years = new ArrayList<>();
        years.add(Period.year(plan.year() - 1));
        years.addAll(plan.years());
        FigureSource values = engine.source(unit, years);
        Map<String, MeasureUnit> measures = catalog.units().stream()
                .collect(Collectors.toMap(MeasureUnit::code, Function.identity()));
        List<Target> yearly = targets.list(unit, null, null).stream()
                .filter(t -> t.period().type() == PeriodType.YEARLY && plan.contains(t.period())).toList();
        List<FiveYearProgress> out = new ArrayList<>();
        for (Target t : fiveYear.stream().sorted(Comparator.comparing(Target::figureCode)).toList()) {
            Figure figure = catalog.figure(t.figureCode());
            out.add(progress(unit, figure, measures.get(figure.unitCode()), plan, t, values,
                    yearly.stream().filter(y -> y.figureCode().equals(t.figureCode())).toList()));
        }
        return out;
    }

    private FiveYearProgress progress(OrgUnit unit, Figure figure, MeasureUnit measure, Period plan, Target target,
                                      FigureSource values, List<Target> yearly) {
        int baseYear = plan.year() - 1;
        FigureValue base = ComparisonEngine.latestVintage(values, figure, Period.year(baseYear));
        Integer latestYear = null;
        FigureValue latest = FigureValue.EMPTY;
        for (int y = plan.lastYear(); y >= plan.year(); y--) {
            FigureValue v = ComparisonEngine.latestVintage(values, figure, Period.year(y));
            if (!v.isEmpty()) {
                latestYear = y;
                latest = v;
                break;
            }
        }
        String notComparable = latestYear == null ? null : definitions.between(figure, Period.year(baseYear).end(),
                        Period.year(latestYear).end())
                .map(DefinitionChange::reason).orElse(null);
        BigDecimal averageGrowth = notComparable == null && latestYear != null
                ? growth(base.value(), latest.value(), latestYear - baseYear) : null;
        BigDecimal requiredGrowth = latestYear != null && latestYear < plan.lastYear() && target.basis() == Basis.LEVEL
                ? growth(latest.value(), target.value(), plan.lastYear() - latestYear) : null;
        BigDecimal achieved = target.basis() == Basis.GROWTH_PCT ? averageGrowth : latest.value();
        BigDecimal pct = Gap.ceiling(target) ? null
                : Judge.percent(achieved, Judge.boundThatMatters(target, figure.polarity()));
        boolean partial = latestYear == null || latestYear < plan.lastYear();
        Status status = achieved == null ? null : Judge.judge(achieved, target, figure.polarity(), partial, false);
        List<FiveYearProgress.Year> years = new ArrayList<>();
        boolean illustrative = target.illustrative() || base.illustrative() || latest.illustrative();
        for (Period y : plan.years()) {
            Target t = yearly.stream().filter(x -> x.period().equals(y)).findFirst().orElse(null);
            FigureValue v = ComparisonEngine.latestVintage(values, figure, y);
            if (t == null && v.isEmpty()) {
                continue;
            }
            BigDecimal p = t == null || Gap.ceiling(t) ? null : Judge.percent(v.value(), Judge.boundThatMatters(t, figure.polarity()));
            Status s = t == null || v.isEmpty() ? null : Judge.judge(v.value(), t, figure.polarity(), false, false);
            years.add(new FiveYearProgress.Year(y.year(), t, v.value(), p, s));
        }
        return new FiveYearProgress(unit, figure, measure, plan, target, baseYear, base.value(), latestYear,
                latest.value(), pct, averageGrowth, requiredGrowth, status, notComparable, illustrative,
                List.copyOf(years));
    }

    /**
     * Average annual growth in percent: ((to ÷ from)^(1 ÷ years) − 1) × 100, to 10 significant digits; null when a
     * value is missing or not positive.
     */
    static BigDecimal growth(BigDecimal from, BigDecimal to, int years) {
        if (from == null || to == null || years <= 0 || from.signum() <= 0 || to.signum() <= 0) {
            return null;
        }
        double ratio = to.divide(from, MathContext.DECIMAL64).doubleValue();
        double pct = (Math.pow(ratio, 1.0 / years) - 1) * 100;
        return new BigDecimal(pct, new MathContext(10, RoundingMode.HALF_UP));
    }
}
