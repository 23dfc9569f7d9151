package vn.kehoach.comparison;

import java.math.BigDecimal;
import java.util.List;


import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;

/**
 * A comparison as machines read it (CSV, JSON, the REST API): codes, and numbers with a dot decimal, rounded
 * as the figure prints them (values to its decimals, percentages to its percentage decimals). The kind is ACTUAL,
 * ESTIMATE or PRELIMINARY; {@code not_comparable} gives the reason when the figure cannot be compared with
 * {@code previous_period} (then previous, pct_vs_previous and change_vs_previous are empty).
 *
 * <p>{@code pct_of_plan} is empty for a ceiling (AT_MOST, BELOW: "dưới 18%"), where a percentage reads backwards;
 * {@code gap_to_target} is the achieved value minus the target (the bound that matters) for every target, in
 * {@code gap_unit} ("điểm %" for percentages and growth rates); {@code data_months} is how many months of the period
 * the values cover when they stop before its end (6 for a year of data known to June), empty when they cover it all.
 *
 * <p>Written to JSON by {@link Json}, field by field in {@link #COLUMNS} order, exactly as Jackson's bean serializer
 * writes the record (nulls included): a province's communes are tens of thousands of rows, and reading 28 properties
 * of each through method handles was a third of the API's time.
 */
@JsonSerialize(using = ComparisonRow.Json.class)
@JsonPropertyOrder({"unit", "unit_name", "indicator_code", "indicator_name", "unit_of_measure", "period", "kind",
        "actual", "target", "issuer", "pct_of_plan", "previous", "pct_vs_previous", "status", "status_label",
        "change_vs_previous", "previous_period", "issuer_label", "target_direction", "target_high", "target_basis",
        "target_status", "decision", "illustrative", "not_comparable", "gap_to_target", "gap_unit", "data_months"})
public record ComparisonRow(
        @JsonProperty("unit") String unit,
        @JsonProperty("unit_name") String unitName,
        @JsonProperty("indicator_code") String indicatorCode,
        @JsonProperty("indicator_name") String indicatorName,
        @JsonProperty("unit_of_measure") String unitOfMeasure,
        @JsonProperty("period") String period,
        @JsonProperty("kind") String kind,
        @JsonProperty("actual") BigDecimal actual,
        @JsonProperty("target") BigDecimal target,
        @JsonProperty("issuer") String issuer,
        @JsonProperty("pct_of_plan") BigDecimal pctOfPlan,
        @JsonProperty("previous") BigDecimal previous,
        @JsonProperty("pct_vs_previous") BigDecimal pctVsPrevious,
        @JsonProperty("status") String status,
        @JsonProperty("status_label") String statusLabel,
        @JsonProperty("change_vs_previous") BigDecimal changeVsPrevious,
        @JsonProperty("previous_period") String previousPeriod,
        @JsonProperty("issuer_label") String issuerLabel,
        @JsonProperty("target_direction") String targetDirection,
        @JsonProperty("target_high") BigDecimal targetHigh,
        @JsonProperty("target_basis") String targetBasis,
        @JsonProperty("target_status") String targetStatus,
        @JsonProperty("decision") String decision,
        @JsonProperty("illustrative") boolean illustrative,
        @JsonProperty("not_comparable") String notComparable,
        @JsonProperty("gap_to_target") BigDecimal gapToTarget,
        @JsonProperty("gap_unit") String gapUnit,
        @JsonProperty("data_months") Integer dataMonths) {

    /** The CSV header, the JSON property names, in order. */
    public static final List<String> COLUMNS = List.of(ComparisonRow.class.getAnnotation(JsonPropertyOrder.class).value());

    public static ComparisonRow of(Comparison c) {
        int d = c.figure().decimals();
        var t = c.target();
        Gap gap = c.gap();
        return new ComparisonRow(c.unit().code(), c.unit().name(), c.figure().code(), c.figure().name(),
                c.measure() == null ? c.figure().unitCode() : c.measure().symbol(), c.period().id(),
                c.kind() == null ? null : c.kind().name(), round(c.actual(), d),
                t == null ? null : round(t.value(), t.basis() == vn.kehoach.target.Basis.GROWTH_PCT ? c.figure().pctDecimals() : d),
                t == null ? null : t.issuer().name(), c.pctOfPlanRounded(), round(c.previous(), d),
                c.pctVsPreviousRounded(), c.status() == null ? null : c.status().name(),
                c.status() == null ? null : c.status().label(), round(c.changeVsPrevious(), d),
                c.previous() == null && c.notComparable() == null ? null : c.previousPeriod().id(),
                t == null ? null : t.issuer().label(),
                t == null ? null : t.direction().name(), t == null ? null : round(t.valueHigh(), d),
                t == null ? null : t.basis().name(), t == null ? null : t.status().name(),
                t == null ? null : t.decision(), c.anyIllustrative(), c.notComparable(),
                gap == null ? null : Numbers.normal(gap.value()), gap == null ? null : gap.unit(), c.dataMonths());
    }

    /** The rows as CSV with the {@link #COLUMNS} header. */
    public static String csv(List<ComparisonRow> rows) {
        return Csv.write(COLUMNS, rows.stream().map(ComparisonRow::cells).toList());
    }

    private static BigDecimal round(BigDecimal v, int decimals) {
        return Numbers.normal(Numbers.round(v, decimals));
    }

    /** The cells in {@link #COLUMNS} order, numbers in machine form, nulls as empty strings. */
    public List<String> cells() {
        return List.of(s(unit), s(unitName), s(indicatorCode), s(indicatorName), s(unitOfMeasure), s(period), s(kind),
                n(actual), n(target), s(issuer), n(pctOfPlan), n(previous), n(pctVsPrevious), s(status),
                s(statusLabel), n(changeVsPrevious), s(previousPeriod), s(issuerLabel), s(targetDirection),
                n(targetHigh), s(targetBasis), s(targetStatus), s(decision), String.valueOf(illustrative),
                s(notComparable), n(gapToTarget), s(gapUnit), dataMonths == null ? "" : dataMonths.toString());
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    /** The JSON of a row: the properties of {@link #COLUMNS}, in order, with the generator's own number forms. */
    static final class Json extends ValueSerializer<ComparisonRow> {

        private static final SerializableString[] NAMES = COLUMNS.stream().map(SerializedString::new)
                .toArray(SerializableString[]::new);

        @Override
        public void serialize(ComparisonRow r, JsonGenerator g, SerializationContext ctxt) {
            g.writeStartObject(r);
            string(g, 0, r.unit);
            string(g, 1, r.unitName);
            string(g, 2, r.indicatorCode);
            string(g, 3, r.indicatorName);
            string(g, 4, r.unitOfMeasure);
            string(g, 5, r.period);
            string(g, 6, r.kind);
            number(g, 7, r.actual);
            number(g, 8, r.target);
            string(g, 9, r.issuer);
            number(g, 10, r.pctOfPlan);
            number(g, 11, r.previous);
            number(g, 12, r.pctVsPrevious);
            string(g, 13, r.status);
            string(g, 14, r.statusLabel);
            number(g, 15, r.changeVsPrevious);
            string(g, 16, r.previousPeriod);
            string(g, 17, r.issuerLabel);
            string(g, 18, r.targetDirection);
            number(g, 19, r.targetHigh);
            string(g, 20, r.targetBasis);
            string(g, 21, r.targetStatus);
            string(g, 22, r.decision);
            g.writeName(NAMES[23]);
            g.writeBoolean(r.illustrative);
            string(g, 24, r.notComparable);
            number(g, 25, r.gapToTarget);
            string(g, 26, r.gapUnit);
            g.writeName(NAMES[27]);
            if (r.dataMonths == null) {
                g.writeNull();
            } else {
                g.writeNumber(r.dataMonths.intValue());
            }
            g.writeEndObject();
        }

        private static void string(JsonGenerator g, int name, String v) {
            g.writeName(NAMES[name]);
            if (v == null) {
                g.writeNull();
            } else {
                g.writeString(v);
            }
        }

        private static void number(JsonGenerator g, int name, BigDecimal v) {
            g.writeName(NAMES[name]);
            if (v == null) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }
    }

    private static String n(BigDecimal v) {
        return Numbers.machine(v);
    }
}
