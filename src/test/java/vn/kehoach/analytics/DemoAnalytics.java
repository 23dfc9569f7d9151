package vn.kehoach.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.kehoach.audit.Source;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/**
 * The analytics engine against the comparison engine on the demo district, on whichever database the subclass
 * starts: every figure of every unit and period the same to the digit, and the seed's numbers in pivot tables.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoAnalytics {

    static final Period H1_2021 = Period.half(2021, 1);

    @Autowired
    DemoDistrict demo;
    @Autowired
    ComparisonEngine engine;
    @Autowired
    Analytics analytics;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    DataValues dataValues;
    @Autowired
    Forecasts forecasts;

    @BeforeAll
    void loadDemo() {
        demo.load("test");
    }

    @Test
    void everyComparisonOfEveryUnitAndPeriodIsTheSameFromTheIndexAsFromTheDatabase() {
        List<Comparison> expected = engine.compareAll(null, null);
        Map<OrgUnit, List<Comparison>> byUnit = new LinkedHashMap<>();
        expected.forEach(c -> byUnit.computeIfAbsent(c.unit(), u -> new ArrayList<>()).add(c));
        int compared = 0;
        for (Map.Entry<OrgUnit, List<Comparison>> e : byUnit.entrySet()) {
            List<Period> periods = List.copyOf(new TreeSet<>(e.getValue().stream().map(Comparison::period).toList()));
            List<Comparison> actual = analytics.compare(e.getKey(), periods);
            assertThat(actual).as(e.getKey().code()).hasSameSizeAs(e.getValue());
            for (int i = 0; i < actual.size(); i++) {
                assertSameFigures(actual.get(i), e.getValue().get(i));
                compared++;
            }
        }
        assertThat(compared).as("lines compared").isGreaterThan(300);
    }

    @Autowired
    vn.kehoach.analytics.internal.Dashboards dashboards;

    @Test
    void theYearDashboardOfSixMonthsDataShowsRevenueInProgressWithItsMonths() {
        var d = dashboards.build(orgUnits.require("HALANG"), Period.year(2021), null, null);
        var revenue = d.fields().values().stream().flatMap(List::stream)
                .filter(t -> t.cells().code().equals("BUDGET_REVENUE") && t.cells().issuer().equals("UBND tỉnh giao"))
                .findFirst().orElseThrow();
        assertThat(revenue.cells().pctOfPlan()).isEqualTo("69,48%");
        assertThat(revenue.status()).isEqualTo(vn.kehoach.comparison.Status.IN_PROGRESS);
        assertThat(revenue.cells().dataNote()).isEqualTo("số liệu 6 tháng");
        assertThat(d.fields().values().stream().flatMap(List::stream)
                .filter(t -> t.cells().code().equals("BUDGET_REVENUE") || t.cells().code().equals("TAX_REVENUE")))
                .as("half a year's revenue is not a failure against the year's estimate")
                .noneMatch(t -> t.status() == vn.kehoach.comparison.Status.NOT_MET);
    }

    @Autowired
    vn.kehoach.analytics.internal.CommuneDashboards communes;

    @Test
    void aCommuneWithoutTargetsShowsItsOwnFiguresItsFormsAndTheDistrictsTargetsForReference() {
        OrgUnit minhLong = orgUnits.require("MINHLONG");
        var d = dashboards.build(minhLong, H1_2021, null, null);
        assertThat(communes.applies(minhLong, d)).isTrue();
        assertThat(communes.applies(orgUnits.require("HALANG"), dashboards.build(orgUnits.require("HALANG"), H1_2021, null, null)))
                .as("the district has communes and targets of its own").isFalse();
        var view = communes.build(minhLong, H1_2021, d);
        var buffalo = view.figures().stream().filter(c -> c.code().equals("BUFFALO_HERD")).findFirst().orElseThrow();
        assertThat(buffalo.actual()).isEqualTo("698 con");
        assertThat(buffalo.previous()).isEqualTo("");
        assertThat(view.figures()).extracting(vn.kehoach.comparison.Cells::code)
                .contains("SPRING_RICE_AREA", "CATTLE_HERD", "PIG_HERD", "POULTRY_FLOCK", "NTM_CRITERIA");
        assertThat(view.forms()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("NN_6T_XA");
            assertThat(f.entered() + "/" + f.expected()).isEqualTo("10/12");
            assertThat(f.state()).isEqualTo(vn.kehoach.approval.ApprovalState.DRAFT);
        });
        assertThat(view.parentTargets(minhLong)).isTrue();
        assertThat(view.targetsOf().code()).isEqualTo("HALANG");
        var grain = view.targets().values().stream().flatMap(List::stream)
                .filter(t -> t.cells().code().equals("BUFFALO_HERD")).findFirst().orElseThrow();
        assertThat(grain.cells().target()).isEqualTo("7.220 con");
        assertThat(view.anyPrevious()).as("the demo has no figure of Minh Long for 2020S1").isFalse();
        // With last year's herd entered, the line says how this year's compares ("bằng 101,2% so với cùng kỳ").
        dataValues.save(DataValueWrite.of("BUFFALO_HERD", "MINHLONG", Period.half(2020, 1), ValueKind.ACTUAL,
                new BigDecimal("690")), "test", Source.API);
        try {
            var again = communes.build(minhLong, H1_2021, dashboards.build(minhLong, H1_2021, null, null));
            assertThat(again.anyPrevious()).isTrue();
            var line = again.figures().stream().filter(c -> c.code().equals("BUFFALO_HERD")).findFirst().orElseThrow();
            assertThat(line.previous()).isEqualTo("690 con");
            assertThat(line.pctVsPrevious()).isEqualTo("101,2%");
            assertThat(line.change()).as("in the locale of the test thread").endsWith(" 8 con");
        } finally {
            dataValues.delete("BUFFALO_HERD", "MINHLONG", Period.half(2020, 1), ValueKind.ACTUAL, "test", Source.API);
        }
    }

    private static void assertSameFigures(Comparison a, Comparison b) {
        String what = b.unit().code() + " " + b.figure().code() + " " + b.period() + " " + b.kind();
        assertThat(a.figure().code()).as(what).isEqualTo(b.figure().code());
        assertThat(a.period()).as(what).isEqualTo(b.period());
        assertThat(a.kind()).as(what).isEqualTo(b.kind());
        assertThat(same(a.actual(), b.actual())).as(what + " actual " + a.actual() + " vs " + b.actual()).isTrue();
        assertThat(same(a.previous(), b.previous())).as(what + " previous").isTrue();
        assertThat(same(a.pctOfPlan(), b.pctOfPlan())).as(what + " % of plan").isTrue();
        assertThat(same(a.pctVsPrevious(), b.pctVsPrevious())).as(what + " % vs previous").isTrue();
        assertThat(same(a.changeVsPrevious(), b.changeVsPrevious())).as(what + " change").isTrue();
        assertThat(a.status()).as(what).isEqualTo(b.status());
        assertThat(a.dataMonths()).as(what + " months of data").isEqualTo(b.dataMonths());
        assertThat(a.illustrative()).as(what + " illustrative").isEqualTo(b.illustrative());
        assertThat(a.previousIllustrative()).as(what).isEqualTo(b.previousIllustrative());
        assertThat(Objects.equals(a.target(), b.target())).as(what + " target").isTrue();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private Pivot districtFigures(ValueKind... kinds) {
        return analytics.pivot(new AnalyticsQuery(List.of(), List.of("HALANG"), null, List.of(H1_2021), null,
                List.of(kinds), List.of(Dimension.FIGURE), List.of(Dimension.KIND), false));
    }

    @Test
    void thePivotOfTheDistrictPrintsEveryFigureAsCompareDoes() {
        Pivot pivot = districtFigures(ValueKind.ACTUAL, ValueKind.ESTIMATE);
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int r = 0; r < pivot.rows().size(); r++) {
            rowOf.put(pivot.rows().get(r).items().get(0).code(), r);
        }
        int printed = 0;
        for (Comparison c : engine.compare("HALANG", H1_2021)) {
            if (c.kind() == null) {
                continue;
            }
            Pivot.Cell cell = pivot.cell(rowOf.get(c.figure().code()), c.kind() == ValueKind.ACTUAL ? 0 : 1);
            assertThat(cell.exact()).as(c.figure().code()).isEqualByComparingTo(c.actual());
            assertThat(cell.formatted()).as(c.figure().code())
                    .isEqualTo(Numbers.vi().format(c.actual(), c.figure().decimals()));
            printed++;
        }
        assertThat(printed).isGreaterThan(90);
    }

    @Test
    void grainIs7380TonnesAndTheSpringRiceYieldIsOutputOverArea() {
        Pivot pivot = analytics.pivot(AnalyticsQuery.of(List.of("GRAIN_OUTPUT", "SPRING_RICE_YIELD", "NTM_AVG_CRITERIA",
                "BUDGET_REVENUE"), "HALANG", H1_2021, ValueKind.ESTIMATE));
        assertThat(pivot.cell(0, 0).formatted()).isEqualTo("7.380");
        assertThat(pivot.cell(0, 0).unit()).isEqualTo("tấn");
        assertThat(pivot.cell(0, 0).estimated()).isTrue();
        // 1.618 tấn ÷ 335 ha × 10 = 48,298… tạ/ha: the report's "48,3 tạ/ha"
        assertThat(pivot.cell(1, 0).exact()).isEqualByComparingTo(new BigDecimal("1618").divide(new BigDecimal("335"),
                java.math.MathContext.DECIMAL128).multiply(BigDecimal.TEN));
        assertThat(pivot.cell(1, 0).formatted()).isEqualTo("48,3");
        assertThat(pivot.cell(1, 0).illustrative()).as("made of illustrative commune figures").isTrue();
        // 114 criteria over 12 communes: "bình quân toàn huyện đạt 9,5 tiêu chí/xã"
        assertThat(pivot.cell(2, 0).formatted()).isEqualTo("9,5");
        assertThat(pivot.cell(3, 0).formatted()).isEqualTo("13,747");
        assertThat(pivot.cell(3, 0).value()).isEqualByComparingTo("13.747");
    }

    @Test
    void communesOfTheDistrictWithATotalThatIsTheDistrictsOwnFigure() {
        Pivot pivot = analytics.pivot(new AnalyticsQuery(List.of("BUFFALO_HERD", "SPRING_RICE_YIELD"), List.of("HALANG"),
                3, List.of(H1_2021), null, List.of(ValueKind.ESTIMATE), List.of(Dimension.ORG_UNIT),
                List.of(Dimension.FIGURE), true));
        List<String> units = pivot.rows().stream().map(h -> h.items().get(0).code()).toList();
        assertThat(units).contains("MINHLONG", "THANHNHAT").doesNotContain("HALANG");
        int minhLong = units.indexOf("MINHLONG");
        assertThat(pivot.cell(minhLong, 0).formatted()).isEqualTo("698");
        // 117 tấn ÷ 26 ha × 10
        assertThat(pivot.cell(minhLong, 1).formatted()).isEqualTo("45,0");
        Pivot.Header total = pivot.rows().get(pivot.rows().size() - 1);
        assertThat(total.total()).isTrue();
        int t = pivot.rows().size() - 1;
        assertThat(pivot.cell(t, 0).formatted()).as("the herds of the 13 communes").isEqualTo("7.111");
        assertThat(pivot.cell(t, 1).formatted()).as("total output over total area, not a mean of yields")
                .isEqualTo("48,3");
    }

    @Test
    void monthsOfAYearWithTheirTotalFromTheIllustrativeHistory() {
        Pivot pivot = analytics.pivot(new AnalyticsQuery(List.of("BUDGET_REVENUE"), List.of("HALANG"), null,
                List.of(Period.year(2019)), vn.kehoach.period.PeriodType.QUARTERLY, List.of(ValueKind.ACTUAL),
                List.of(Dimension.PERIOD), List.of(), true));
        assertThat(pivot.rows()).hasSize(5);
        assertThat(pivot.rows().get(0).label()).isEqualTo("Quý I/2019");
        BigDecimal sum = BigDecimal.ZERO;
        for (int r = 0; r < 4; r++) {
            sum = sum.add(pivot.cell(r, 0).exact());
        }
        assertThat(pivot.cell(4, 0).exact()).isEqualByComparingTo(sum);
        assertThat(pivot.cell(4, 0).illustrative()).isTrue();
    }

    @Test
    void aSavedValueIsInTheNextQueryAndADeletedOneLeavesIt() {
        Period june = Period.month(2023, 6);
        assertThat(analytics.value("MARKET_FINES", "HALANG", Period.year(2023), ValueKind.ACTUAL).isEmpty()).isTrue();
        dataValues.save(DataValueWrite.of("MARKET_FINES", "MINHLONG", june, ValueKind.ACTUAL,
                new BigDecimal("1234")), "test", Source.API);
        dataValues.save(DataValueWrite.of("MARKET_FINES", "THIHOA", june, ValueKind.ACTUAL,
                new BigDecimal("0.5")), "test", Source.API);
        assertThat(analytics.value("MARKET_FINES", "HALANG", Period.year(2023), ValueKind.ACTUAL).value())
                .isEqualByComparingTo("1234.5");
        dataValues.delete("MARKET_FINES", "THIHOA", june, ValueKind.ACTUAL, "test", Source.API);
        assertThat(analytics.value("MARKET_FINES", "HALANG", Period.year(2023), ValueKind.ACTUAL).value())
                .isEqualByComparingTo("1234");
        dataValues.delete("MARKET_FINES", "MINHLONG", june, ValueKind.ACTUAL, "test", Source.API);
        assertThat(analytics.value("MARKET_FINES", "HALANG", Period.year(2023), ValueKind.ACTUAL).isEmpty()).isTrue();
    }

    @org.springframework.beans.factory.annotation.Value("${spring.datasource.url}")
    String url;
    @Autowired
    vn.kehoach.period.Periods periods;

    /**
     * Another process (here a connection of its own, as the command line or a second node would open) inserts,
     * changes and deletes a value with plain SQL: the database's change feed brings each change into this node's
     * index within a second, without any event of this JVM.
     */
    @Test
    void aValueWrittenByAnotherProcessIsInTheIndexWithinASecond() throws Exception {
        Period july = Period.month(2022, 7);
        long period = periods.idOf(july);
        assertThat(analytics.value("MARKET_FINES", "HALANG", Period.year(2022), ValueKind.ACTUAL).isEmpty()).isTrue();
        try (java.sql.Connection other = url.startsWith("jdbc:h2:")
                ? java.sql.DriverManager.getConnection(url, "sa", "") : java.sql.DriverManager.getConnection(url);
             java.sql.Statement s = other.createStatement()) {
            s.executeUpdate("""
                    insert into data_value (element_id, org_unit_id, period_id, kind, amount, illustrative, version,
                           updated_by, updated_at, reported_at)
                    select e.id, u.id, %d, 'ACTUAL', 4321, false, 1, 'other', current_timestamp, current_timestamp
                      from data_element e, org_unit u where e.code = 'MARKET_FINES' and u.code = 'MINHLONG'"""
                    .formatted(period));
            assertWithinASecond("insert", "4321");
            s.executeUpdate("update data_value set amount = 4000.5 where period_id = " + period
                    + " and element_id = (select id from data_element where code = 'MARKET_FINES')");
            assertWithinASecond("update", "4000.5");
            s.executeUpdate("delete from data_value where period_id = " + period
                    + " and element_id = (select id from data_element where code = 'MARKET_FINES')");
            assertWithinASecond("delete", null);
        }
    }

    private void assertWithinASecond(String what, String expected) throws InterruptedException {
        long t0 = System.nanoTime();
        while (true) {
            var v = analytics.value("MARKET_FINES", "HALANG", Period.year(2022), ValueKind.ACTUAL);
            boolean there = expected == null ? v.isEmpty()
                    : !v.isEmpty() && v.value().compareTo(new BigDecimal(expected)) == 0;
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (there) {
                System.out.println("change feed, " + what + " by another connection → this node's index: " + ms + " ms");
                assertThat(ms).as(what).isLessThanOrEqualTo(1000);
                return;
            }
            assertThat(ms).as(what + " not in the index after " + ms + " ms").isLessThan(3000);
            Thread.sleep(10);
        }
    }

    private Forecast forecast(List<Forecast> all, String code, vn.kehoach.target.Issuer issuer) {
        return all.stream().filter(f -> f.comparison().figure().code().equals(code)
                && f.comparison().target().issuer() == issuer).findFirst().orElseThrow();
    }

    @Test
    void taxRevenueForecastFromTheSeasonalProfileIsAtRiskOfMissingTheProvincesEstimate() {
        List<Forecast> all = forecasts.forecast(orgUnits.require("HALANG"), 2021, 6);
        Forecast tax = forecast(all, "TAX_REVENUE", vn.kehoach.target.Issuer.PROVINCE);
        // 8,749 tỷ by June; in 2018 and 2019 the district had 49% of its tax by June: 8,749 ÷ 0,49 = 17,855 tỷ
        assertThat(tax.toDate()).isEqualByComparingTo("8.749");
        assertThat(tax.share()).isEqualByComparingTo("0.49");
        assertThat(tax.basisYears()).containsExactly(2019, 2018);
        assertThat(Numbers.vi().format(tax.value(), 3)).isEqualTo("17,855");
        assertThat(Numbers.vi().percent(tax.comparison().pctOfPlan(), 2)).isEqualTo("96,06%");
        assertThat(tax.atRisk()).isTrue();
        assertThat(tax.comparison().illustrative()).as("learnt from illustrative history").isTrue();
        Forecast expenditure = forecast(all, "BUDGET_EXPENDITURE", vn.kehoach.target.Issuer.DISTRICT_COUNCIL);
        assertThat(Numbers.vi().format(expenditure.value(), 3)).isEqualTo("273,264");
        assertThat(Numbers.vi().percent(expenditure.comparison().pctOfPlan(), 2)).isEqualTo("89,02%");
        assertThat(expenditure.atRisk()).isTrue();
    }

    @Test
    void revenueAndDisbursementForecastsMeetTheirTargets() {
        List<Forecast> all = forecasts.forecast(orgUnits.require("HALANG"), 2021, 6);
        Forecast revenue = forecast(all, "BUDGET_REVENUE", vn.kehoach.target.Issuer.PROVINCE);
        // 13,747 ÷ 0,58 = 23,702 tỷ against the province's 19,785
        assertThat(Numbers.vi().format(revenue.value(), 3)).isEqualTo("23,702");
        assertThat(Numbers.vi().percent(revenue.comparison().pctOfPlan(), 2)).isEqualTo("119,80%");
        assertThat(revenue.comparison().status()).isEqualTo(vn.kehoach.comparison.Status.EXCEEDED);
        assertThat(revenue.atRisk()).isFalse();
        Forecast disbursed = forecast(all, "PUBLIC_INVESTMENT_DISBURSED", vn.kehoach.target.Issuer.PROVINCE);
        assertThat(Numbers.vi().format(disbursed.value(), 3)).isEqualTo("11,342");
        assertThat(Numbers.vi().percent(disbursed.comparison().pctOfPlan(), 1)).isEqualTo("104,4%");
        assertThat(disbursed.atRisk()).isFalse();
        assertThat(all).as("no history, no forecast").noneMatch(f -> f.comparison().figure().code().equals("BALANCED_REVENUE"));
    }

    @Test
    void aFilterWithSeveralItemsIsRefusedNamingTheDimension() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> analytics.pivot(new AnalyticsQuery(List.of(),
                        List.of("HALANG", "CAOBANG"), null, List.of(H1_2021), null, null, List.of(Dimension.FIGURE),
                        List.of(), false)))
                .hasMessage("chiều 'orgUnit' có 2 mục nhưng không nằm ở hàng hay cột: đặt nó vào rows hoặc columns, "
                        + "hoặc chọn một mục");
    }

    @Test
    void theYearTrendPutsAYearKnownToJuneUnderNotAWholeYearWithItsMonth() {
        var d = dashboards.build(orgUnits.require("HALANG"), Period.year(2021), "GRAIN_OUTPUT", null);
        var t = d.trend().table();
        assertThat(t.headers()).containsExactly("Năm", "Cả năm (tấn)", "Chưa đủ năm (tấn)");
        var y2020 = t.rows().get(3);
        assertThat(y2020.get(0).text()).isEqualTo("2020");
        assertThat(y2020.get(1).printed()).isEmpty();
        assertThat(y2020.get(2).printed()).isEqualTo("7.410 tấn (đến 6/2020)");
        var half = dashboards.build(orgUnits.require("HALANG"), H1_2021, "GRAIN_OUTPUT", null).trend().table();
        assertThat(half.headers()).containsExactly("Năm", "6 tháng đầu năm (tấn)", "Cả năm (tấn)");
        assertThat(half.rows().get(4).get(1).printed()).isEqualTo("7.380 tấn");
        assertThat(half.rows().get(4).get(2).printed()).as("2021 is not over").isEmpty();
    }

    @Test
    void relativePeriodsAreReadFromTheReferencePeriodInTimeOrder() {
        var r = new vn.kehoach.analytics.internal.PivotRequest("GRAIN_OUTPUT", "HALANG", null,
                "THIS_YEAR,REF,SAME_LAST_YEAR,FIRST_HALF", null, null, "figure", "period", false, "2021S1");
        Pivot p = analytics.pivot(r.query());
        assertThat(p.columns().stream().map(Pivot.Header::label))
                .containsExactly("6 tháng đầu năm 2020", "6 tháng đầu năm 2021", "Năm 2021");
        assertThat(p.cell(0, 0).formatted()).isEqualTo("7.410");
        assertThat(p.cell(0, 1).formatted()).isEqualTo("7.380");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new vn.kehoach.analytics.internal.PivotRequest(
                        "GRAIN_OUTPUT", "HALANG", null, "THIS_YEAR", null, null, "figure", "period", false, null).query())
                .hasMessage("kỳ 'năm nay' cần một kỳ tham chiếu (ref)");
    }
}
