package vn.kehoach.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.kehoach.catalog.Indicator;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.comparison.ComparisonQuery;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Csv;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;

/**
 * Writes SDMX-CSV 2.0 for statistics offices: one observation per org unit, figure and period, the figure
 * aggregated as the comparison engine aggregates it (a district's yield is its output over its area). Columns:
 * {@code STRUCTURE,STRUCTURE_ID,ACTION} (dataflow, AGENCY:ID(VERSION), I for information), the dimensions
 * {@code FREQ,REF_AREA,INDICATOR,TIME_PERIOD}, the measure {@code OBS_VALUE} and the attributes
 * {@code UNIT_MEASURE,DECIMALS,OBS_STATUS} (A normal, E estimated: "ước thực hiện", I imputed: a value KeHoach
 * marks illustrative). Where a figure has an estimate, the estimate view (estimates, else actual values, unit by
 * unit) is the observation, as the plan reports it; year-to-date periods, crop seasons, crop years and five-year
 * periods have no SDMX frequency and are left out.
 */
@Component
public class SdmxCsv {

    public static final List<String> HEADER = List.of("STRUCTURE", "STRUCTURE_ID", "ACTION", "FREQ", "REF_AREA",
            "INDICATOR", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "DECIMALS", "OBS_STATUS");

    private final ComparisonEngine engine;

    public SdmxCsv(ComparisonEngine engine) {
        this.engine = engine;
    }

    /** SDMX's time period: 2021, 2021-S1, 2021-Q3, 2021-06; null for year-to-date. */
    public static String timePeriod(Period p) {
        return switch (p.type()) {
            case YEARLY -> String.valueOf(p.year());
            case SIX_MONTHLY -> p.year() + "-S" + p.index();
            case QUARTERLY -> p.year() + "-Q" + p.index();
            case MONTHLY -> p.year() + "-" + String.format("%02d", p.index());
            case YEAR_TO_DATE, SEASON, CROP_YEAR, FIVE_YEARLY -> null;
        };
    }

    private static String freq(PeriodType t) {
        return switch (t) {
            case YEARLY -> "A";
            case SIX_MONTHLY -> "S";
            case QUARTERLY -> "Q";
            case MONTHLY -> "M";
            case YEAR_TO_DATE, SEASON, CROP_YEAR, FIVE_YEARLY -> null;
        };
    }

    public void write(List<OrgUnit> roots, Period period, String dataflow, OutputStream out) {
        List<List<Object>> rows = new ArrayList<>();
        for (OrgUnit root : roots) {
            // Every unit of the subtree in one question, answered in tree order: grouped back unit by unit.
            Map<Long, List<Comparison>> byUnit = new LinkedHashMap<>();
            for (Comparison c : engine.answer(ComparisonQuery.below(root, null, period))) {
                byUnit.computeIfAbsent(c.unit().id(), k -> new ArrayList<>()).add(c);
            }
            for (List<Comparison> ofUnit : byUnit.values()) {
                OrgUnit unit = ofUnit.get(0).unit();
                for (Comparison c : observations(ofUnit)) {
                    String time = timePeriod(c.period());
                    if (time == null) {
                        continue;
                    }
                    BigDecimal value = c.figure() instanceof Indicator
                            ? c.actual().setScale(c.figure().decimals(), RoundingMode.HALF_UP) : c.actual();
                    String status = c.illustrative() ? "I" : c.kind() == ValueKind.ESTIMATE ? "E" : "A";
                    rows.add(java.util.Arrays.asList("dataflow", dataflow, "I", freq(c.period().type()), unit.code(), c.figure().code(),
                            time, value, c.figure().unitCode(), c.figure().decimals(), status));
                }
            }
        }
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Csv.write(w, HEADER, rows);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One comparison per figure and period (they come once per target), the estimate view where there is one. */
    private static List<Comparison> observations(List<Comparison> all) {
        Map<String, Comparison> best = new LinkedHashMap<>();
        for (Comparison c : all) {
            if (c.kind() == null || c.actual() == null) {
                continue;
            }
            best.merge(c.figure().code() + "|" + c.period().id(), c,
                    (a, b) -> b.kind() == ValueKind.ESTIMATE ? b : a);
        }
        return List.copyOf(best.values());
    }
}
