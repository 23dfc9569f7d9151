package vn.kehoach.comparison;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;


import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;

/**
 * Five-year progress as machines read it (CSV, JSON, the REST API): values to the figure's decimals, percentages
 * to one decimal and growth rates to two; the yearly cascade as "year:target:value" items. A ceiling ("dưới 18%")
 * has no {@code pct_of_target}: {@code gap_to_target} (latest − target, in {@code gap_unit}) says where it stands.
 */
@JsonPropertyOrder({"unit", "plan", "indicator_code", "indicator_name", "unit_of_measure", "target", "target_direction",
        "base_year", "base_value", "latest_year", "latest_value", "pct_of_target", "average_growth_pct",
        "required_growth_pct", "status", "not_comparable", "illustrative", "years", "gap_to_target", "gap_unit"})
public record FiveYearRow(
        @JsonProperty("unit") String unit,
        @JsonProperty("plan") String plan,
        @JsonProperty("indicator_code") String indicatorCode,
        @JsonProperty("indicator_name") String indicatorName,
        @JsonProperty("unit_of_measure") String unitOfMeasure,
        @JsonProperty("target") BigDecimal target,
        @JsonProperty("target_direction") String targetDirection,
        @JsonProperty("base_year") int baseYear,
        @JsonProperty("base_value") BigDecimal baseValue,
        @JsonProperty("latest_year") Integer latestYear,
        @JsonProperty("latest_value") BigDecimal latestValue,
        @JsonProperty("pct_of_target") BigDecimal pctOfTarget,
        @JsonProperty("average_growth_pct") BigDecimal averageGrowthPct,
        @JsonProperty("required_growth_pct") BigDecimal requiredGrowthPct,
        @JsonProperty("status") String status,
        @JsonProperty("not_comparable") String notComparable,
        @JsonProperty("illustrative") boolean illustrative,
        @JsonProperty("years") List<YearRow> years,
        @JsonProperty("gap_to_target") BigDecimal gapToTarget,
        @JsonProperty("gap_unit") String gapUnit) {

    public static final List<String> COLUMNS = List.of(FiveYearRow.class.getAnnotation(JsonPropertyOrder.class).value());

    /** One year of the cascade. */
    public record YearRow(@JsonProperty("year") int year, @JsonProperty("target") BigDecimal target,
                          @JsonProperty("value") BigDecimal value, @JsonProperty("pct_of_plan") BigDecimal pctOfPlan) {
    }

    public static FiveYearRow of(FiveYearProgress f) {
        int d = f.figure().decimals();
        return new FiveYearRow(f.unit().code(), f.plan().id(), f.figure().code(), f.figure().name(),
                f.measure() == null ? f.figure().unitCode() : f.measure().symbol(), round(f.target().value(), d),
                f.target().direction().name(), f.baseYear(), round(f.baseValue(), d), f.latestYear(),
                round(f.latestValue(), d), round(f.pctOfTarget(), 1), round(f.averageGrowth(), 2),
                round(f.requiredGrowth(), 2), f.status() == null ? null : f.status().name(), f.notComparable(),
                f.illustrative(), f.years().stream().map(y -> new YearRow(y.year(),
                        y.target() == null ? null : round(y.target().value(), d), round(y.value(), d),
                        round(y.pctOfPlan(), 1))).toList(),
                f.gap() == null ? null : Numbers.normal(f.gap().value()), f.gap() == null ? null : f.gap().unit());
    }

    public static String csv(List<FiveYearRow> rows) {
        return Csv.write(COLUMNS, rows.stream().map(r -> java.util.Arrays.asList(r.unit, r.plan, r.indicatorCode,
                r.indicatorName, r.unitOfMeasure, r.target, r.targetDirection, r.baseYear, r.baseValue, r.latestYear,
                r.latestValue, r.pctOfTarget, r.averageGrowthPct, r.requiredGrowthPct, r.status, r.notComparable,
                r.illustrative, String.join(" ", r.years.stream().map(y -> y.year + ":" + n(y.target) + ":"
                        + n(y.value)).toList()), r.gapToTarget, r.gapUnit)).toList());
    }

    /** A change in percent as a sentence reads it: "tăng 1,97%", "giảm 17,70%"; empty for none. */
    public static String change(BigDecimal pct) {
        if (pct == null) {
            return "";
        }
        String p = Numbers.vi().percent(pct.abs(), 2);
        return pct.signum() < 0 ? "giảm " + p : "tăng " + p;
    }

    private static String n(BigDecimal v) {
        return Numbers.machine(v);
    }

    private static BigDecimal round(BigDecimal v, int decimals) {
        return v == null ? null : Numbers.normal(v.setScale(decimals, RoundingMode.HALF_UP));
    }
}
