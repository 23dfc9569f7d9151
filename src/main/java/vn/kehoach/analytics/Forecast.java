package vn.kehoach.analytics;

import java.math.BigDecimal;
import java.util.List;

import vn.kehoach.comparison.Comparison;
import vn.kehoach.period.Period;

/**
 * A year-end forecast (dự báo cả năm) of a flow: the value to date divided by the share of the year that the figure
 * usually reaches by then, learnt from past years (its seasonal profile), judged against a target of the year.
 *
 * @param toDate      the value from January to the last month with data ({@code yearToDate})
 * @param share       Σ values to the same month ÷ Σ values of the whole year, over {@code basisYears}
 * @param comparison  the forecast measured against one target of the year: % of plan and status as at year-end
 * @param atRisk      có nguy cơ không đạt: the forecast does not meet the target
 */
public record Forecast(Period yearToDate, BigDecimal toDate, BigDecimal share, List<Integer> basisYears,
                       BigDecimal value, Comparison comparison, boolean atRisk) {
}
