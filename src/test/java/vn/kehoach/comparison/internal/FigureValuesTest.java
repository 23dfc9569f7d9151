package vn.kehoach.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.MissingValues;
import vn.kehoach.catalog.Polarity;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.catalog.ValueType;
import vn.kehoach.datavalue.StoredValue;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.period.Period;

/** Aggregation rules on hand-made values: a district (1) with two communes (2, 3). */
class FigureValuesTest {

    private static final long DISTRICT = 1;

    private static DataElement element(String code, TreeAggregation tree, TimeAggregation time) {
        return new DataElement(0, code, code, "X", ValueType.NUMBER, tree, time, tree == TreeAggregation.WEIGHTED_AVERAGE
                ? "HOUSEHOLDS" : null, Polarity.HIGHER_IS_BETTER, null, null, 0, 1, 0, null);
    }

    private static StoredValue v(String code, long unit, String period, String value) {
        return new StoredValue(code, unit, Period.parse(period), ValueKind.ACTUAL, new BigDecimal(value), false);
    }

    private static FigureValues values(List<DataElement> elements, List<Indicator> indicators, List<StoredValue> stored) {
        Map<String, DataElement> e = new java.util.HashMap<>();
        elements.forEach(x -> e.put(x.code(), x));
        Map<String, Indicator> i = new java.util.HashMap<>();
        indicators.forEach(x -> i.put(x.code(), x));
        return new FigureValues(DISTRICT, e, i, stored);
    }

    private static final Indicator YIELD = new Indicator(0, "YIELD", "yield", "TA_HA", "OUTPUT / AREA * 10",
            Polarity.HIGHER_IS_BETTER, null, 1, 1, MissingValues.SKIP_IF_ANY_MISSING, 0, null);

    @Test
    void districtYieldIsTotalOutputOverTotalAreaNotTheMeanOfCommuneYields() {
        var area = element("AREA", TreeAggregation.SUM, TimeAggregation.SUM);
        var output = element("OUTPUT", TreeAggregation.SUM, TimeAggregation.SUM);
        FigureValues fv = values(List.of(area, output), List.of(YIELD), List.of(
                v("AREA", 2, "2021S1", "10"), v("OUTPUT", 2, "2021S1", "60"),
                v("AREA", 3, "2021S1", "90"), v("OUTPUT", 3, "2021S1", "360")));
        BigDecimal yield = fv.value(YIELD, Period.half(2021, 1), ValueKind.ACTUAL).value();
        // (60 + 360) / (10 + 90) * 10 = 42 tạ/ha; the mean of 60 and 40 tạ/ha would be 50.
        assertThat(yield).isEqualByComparingTo("42");
    }

    @Test
    void aHerdIsTheLastMonthNotTheSumOfMonths() {
        var herd = element("HERD", TreeAggregation.SUM, TimeAggregation.LAST);
        List<StoredValue> stored = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            stored.add(v("HERD", 2, String.format("2021%02d", m), String.valueOf(100 + m)));
            stored.add(v("HERD", 3, String.format("2021%02d", m), String.valueOf(200 + m)));
        }
        FigureValues fv = values(List.of(herd), List.of(), stored);
        assertThat(fv.value(herd, Period.half(2021, 1), ValueKind.ACTUAL).value()).isEqualByComparingTo("312");
        assertThat(fv.value(herd, Period.quarter(2021, 1), ValueKind.ACTUAL).value()).isEqualByComparingTo("306");
    }

    @Test
    void aFlowIsTheSumOfItsMonths() {
        var doses = element("DOSES", TreeAggregation.SUM, TimeAggregation.SUM);
        List<StoredValue> stored = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            stored.add(v("DOSES", 2, String.format("2021%02d", m), "10"));
        }
        FigureValues fv = values(List.of(doses), List.of(), stored);
        assertThat(fv.value(doses, Period.half(2021, 1), ValueKind.ACTUAL).value()).isEqualByComparingTo("60");
        assertThat(fv.value(doses, Period.yearToDate(2021, 4), ValueKind.ACTUAL).value()).isEqualByComparingTo("40");
    }

    @Test
    void aQuarterStoredBesideItsMonthsIsCountedOnce() {
        var doses = element("DOSES", TreeAggregation.SUM, TimeAggregation.SUM);
        FigureValues fv = values(List.of(doses), List.of(), List.of(
                v("DOSES", 2, "2021Q1", "30"), v("DOSES", 2, "202101", "10"), v("DOSES", 2, "202102", "10"),
                v("DOSES", 2, "202103", "10"), v("DOSES", 2, "202104", "7")));
        assertThat(fv.value(doses, Period.half(2021, 1), ValueKind.ACTUAL).value()).isEqualByComparingTo("37");
    }

    @Test
    void aRatioWithoutComponentsIsNotSummedOverCommunes() {
        var rate = element("RATE", TreeAggregation.NONE, TimeAggregation.LAST);
        FigureValues fv = values(List.of(rate), List.of(), List.of(
                v("RATE", 2, "2021", "20"), v("RATE", 3, "2021", "30")));
        assertThat(fv.value(rate, Period.year(2021), ValueKind.ACTUAL).isEmpty()).isTrue();
    }

    @Test
    void aWeightedAverageWeighsEachCommuneByItsWeight() {
        var rate = element("POOR_RATE", TreeAggregation.WEIGHTED_AVERAGE, TimeAggregation.LAST);
        var households = element("HOUSEHOLDS", TreeAggregation.SUM, TimeAggregation.LAST);
        FigureValues fv = values(List.of(rate, households), List.of(), List.of(
                v("POOR_RATE", 2, "2021", "20"), v("HOUSEHOLDS", 2, "2021", "100"),
                v("POOR_RATE", 3, "2021", "30"), v("HOUSEHOLDS", 3, "2021", "300")));
        assertThat(fv.value(rate, Period.year(2021), ValueKind.ACTUAL).value().setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("27.50");
    }

    @Test
    void theEstimateViewFallsBackToActualValuesUnitByUnit() {
        var output = element("OUTPUT", TreeAggregation.SUM, TimeAggregation.SUM);
        var area = element("AREA", TreeAggregation.SUM, TimeAggregation.SUM);
        FigureValues fv = values(List.of(output, area), List.of(YIELD), List.of(
                new StoredValue("OUTPUT", 2, Period.half(2021, 1), ValueKind.ESTIMATE, new BigDecimal("60"), false),
                v("OUTPUT", 3, "2021S1", "40"), v("AREA", 2, "2021S1", "10"), v("AREA", 3, "2021S1", "10")));
        var estimate = fv.value(output, Period.half(2021, 1), ValueKind.ESTIMATE);
        assertThat(estimate.value()).isEqualByComparingTo("100");
        assertThat(estimate.estimated()).isTrue();
        assertThat(fv.value(output, Period.half(2021, 1), ValueKind.ACTUAL).value()).isEqualByComparingTo("40");
        assertThat(fv.value(YIELD, Period.half(2021, 1), ValueKind.ESTIMATE).value()).isEqualByComparingTo("50");
    }
}
