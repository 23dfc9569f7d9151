package vn.kehoach.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;


import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;

/**
 * One line of the budget table and one issuer's estimate of it, as machines read it: a line with two estimates gives
 * two rows, a line without any one row. Amounts with a dot decimal, rounded as the figure prints them.
 */
@JsonPropertyOrder({"unit", "period", "side", "figure", "parent", "depth", "label", "unit_of_measure", "kind", "actual",
        "issuer", "issuer_label", "estimate", "pct_of_plan", "status", "illustrative"})
public record BudgetLineRow(
        @JsonProperty("unit") String unit,
        @JsonProperty("period") String period,
        @JsonProperty("side") String side,
        @JsonProperty("figure") String figure,
        @JsonProperty("parent") String parent,
        @JsonProperty("depth") int depth,
        @JsonProperty("label") String label,
        @JsonProperty("unit_of_measure") String unitOfMeasure,
        @JsonProperty("kind") String kind,
        @JsonProperty("actual") BigDecimal actual,
        @JsonProperty("issuer") String issuer,
        @JsonProperty("issuer_label") String issuerLabel,
        @JsonProperty("estimate") BigDecimal estimate,
        @JsonProperty("pct_of_plan") BigDecimal pctOfPlan,
        @JsonProperty("status") String status,
        @JsonProperty("illustrative") boolean illustrative) {

    public static final List<String> COLUMNS = List.of(BudgetLineRow.class.getAnnotation(JsonPropertyOrder.class).value());

    public static List<BudgetLineRow> of(BudgetTree tree) {
        List<BudgetLineRow> out = new ArrayList<>();
        for (BudgetRow r : tree.rows()) {
            BigDecimal actual = Numbers.normal(Numbers.round(r.actual(), r.decimals()));
            String kind = r.kind() == null ? null : r.kind().name();
            if (r.estimates().isEmpty()) {
                out.add(new BudgetLineRow(tree.unitCode(), tree.period().id(), r.line().side().name(),
                        r.line().figureCode(), r.line().parentCode(), r.depth(), r.name(), r.unitSymbol(), kind, actual,
                        null, null, null, null, null, r.illustrative()));
            }
            for (BudgetEstimate e : r.estimates()) {
                out.add(new BudgetLineRow(tree.unitCode(), tree.period().id(), r.line().side().name(),
                        r.line().figureCode(), r.line().parentCode(), r.depth(), r.name(), r.unitSymbol(), kind, actual,
                        e.issuer().name(), e.issuer().label(), Numbers.normal(Numbers.round(e.estimate(), r.decimals())),
                        Numbers.normal(Numbers.round(e.pctOfPlan(), r.pctDecimals())),
                        e.status() == null ? null : e.status().name(), r.illustrative() || e.illustrative()));
            }
        }
        return out;
    }

    public static String csv(List<BudgetLineRow> rows) {
        return Csv.write(COLUMNS, rows.stream().map(r -> java.util.Arrays.<Object>asList(r.unit, r.period, r.side,
                r.figure, r.parent, r.depth, r.label, r.unitOfMeasure, r.kind, r.actual, r.issuer, r.issuerLabel,
                r.estimate, r.pctOfPlan, r.status, r.illustrative)).toList());
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
