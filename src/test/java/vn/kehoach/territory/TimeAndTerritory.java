package vn.kehoach.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.kehoach.audit.Source;
import vn.kehoach.catalog.DefinitionChange;
import vn.kehoach.catalog.Definitions;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.comparison.ComparisonRow;
import vn.kehoach.comparison.FiveYearPlans;
import vn.kehoach.comparison.FiveYearProgress;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.document.DocumentFormat;
import vn.kehoach.document.PlanDocumentWriter;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.Reorganisations;
import vn.kehoach.period.Period;

/**
 * Seasons, vintages, five-year plans, reorganisations and definition changes, on the demo district after its 2025
 * reorganisation (Nghị quyết 1657/NQ-UBTVQH15), on whichever database the subclass starts.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TimeAndTerritory {

    @Autowired
    DemoDistrict demo;
    @Autowired
    ComparisonEngine engine;
    @Autowired
    DataValues values;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Reorganisations reorganisations;
    @Autowired
    FiveYearPlans plans;

    @BeforeAll
    void loadDemo() {
        demo.load("test");
    }

    private void save(String element, String unit, String period, ValueKind kind, String value) {
        values.save(new DataValueWrite(element, unit, Period.parse(period), kind, new BigDecimal(value), null, false,
                null), "test", Source.API);
    }

    private static Comparison row(List<Comparison> rows, String figure, ValueKind kind) {
        return rows.stream().filter(c -> c.figure().code().equals(figure) && c.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " line for " + figure + " in " + rows));
    }

    @Test
    void aSeasonCrossingTheYearRollsIntoItsCropYearNotTheCalendarYear() {
        Period dongXuan = Period.parse("2021DX");
        assertThat(dongXuan.start()).isEqualTo(LocalDate.of(2020, 11, 1));
        assertThat(dongXuan.end()).isEqualTo(LocalDate.of(2021, 5, 31));
        assertThat(dongXuan.label()).isEqualTo("Vụ Đông Xuân 2020 – 2021");
        assertThat(dongXuan.cropYear()).isEqualTo(Period.parse("2021CY"));
        assertThat(Period.year(2021).contains(dongXuan)).as("a season never adds to the calendar year").isFalse();
        // Vụ Đông 2022 is sown in September 2022 and harvested in January 2023: it belongs to crop year 2022.
        save("SPRING_RICE_AREA", "ANLAC", "2022DX", ValueKind.ACTUAL, "31.5");
        save("SPRING_RICE_AREA", "ANLAC", "2022MUA", ValueKind.ACTUAL, "40");
        save("SPRING_RICE_AREA", "ANLAC", "2022VD", ValueKind.ACTUAL, "6.5");
        save("SPRING_RICE_AREA", "ANLAC", "2023DX", ValueKind.ACTUAL, "30");
        OrgUnit anLac = orgUnits.require("ANLAC");
        var area = engine.compare(anLac, List.of(Period.parse("2022CY"))).stream()
                .filter(c -> c.figure().code().equals("SPRING_RICE_AREA")).findFirst().orElseThrow();
        assertThat(area.actual()).isEqualByComparingTo("78");
        assertThat(engine.compare(anLac, List.of(Period.parse("2023CY"))).stream()
                .filter(c -> c.figure().code().equals("SPRING_RICE_AREA")).findFirst().orElseThrow().actual())
                .isEqualByComparingTo("30");
        assertThat(engine.compare(anLac, List.of(Period.year(2022))).stream()
                .noneMatch(c -> c.figure().code().equals("SPRING_RICE_AREA"))).isTrue();
    }

    @Test
    void theSeedsDongXuanAreaIsComparedWithTheSeasonBefore() {
        var area = engine.compare("HALANG", Period.parse("2021DX")).stream()
                .filter(c -> c.figure().code().equals("WS_MAIN_CROP_AREA")).findFirst().orElseThrow();
        assertThat(area.previousPeriod()).isEqualTo(Period.parse("2020DX"));
        assertThat(area.changeVsPrevious()).isEqualByComparingTo("35.4");
        assertThat(area.period().label()).isEqualTo("Vụ Đông Xuân 2020 – 2021");
    }

    @Test
    void anEstimateRevisedToAnOfficialFigureKeepsBothAndTheStateAsOfADateShowsTheEstimate() throws Exception {
        save("CATTLE_HERD", "KIMLOAN", "2023S1", ValueKind.ESTIMATE, "480");
        Thread.sleep(20);
        Instant afterEstimate = Instant.now();
        Thread.sleep(20);
        save("CATTLE_HERD", "KIMLOAN", "2023S1", ValueKind.ESTIMATE, "470");
        save("CATTLE_HERD", "KIMLOAN", "2023S1", ValueKind.PRELIMINARY, "474");
        Thread.sleep(20);
        Instant afterPreliminary = Instant.now();
        Thread.sleep(20);
        save("CATTLE_HERD", "KIMLOAN", "2023S1", ValueKind.ACTUAL, "476");
        OrgUnit kimLoan = orgUnits.require("KIMLOAN");
        List<Period> h1 = List.of(Period.half(2023, 1));

        List<Comparison> now = engine.compare(kimLoan, h1);
        assertThat(row(now, "CATTLE_HERD", ValueKind.ACTUAL).actual()).isEqualByComparingTo("476");
        assertThat(row(now, "CATTLE_HERD", ValueKind.ESTIMATE).actual()).isEqualByComparingTo("470");
        assertThat(now.stream().noneMatch(c -> c.figure().code().equals("CATTLE_HERD")
                && c.kind() == ValueKind.PRELIMINARY)).as("the official figure supersedes the preliminary one").isTrue();

        List<Comparison> then = engine.compare(kimLoan, h1, null, afterEstimate);
        assertThat(then.stream().filter(c -> c.figure().code().equals("CATTLE_HERD")).map(Comparison::kind))
                .containsExactly(ValueKind.ESTIMATE);
        assertThat(row(then, "CATTLE_HERD", ValueKind.ESTIMATE).actual()).as("the estimate before its revision")
                .isEqualByComparingTo("480");

        List<Comparison> preliminary = engine.compare(kimLoan, h1, null, afterPreliminary);
        assertThat(row(preliminary, "CATTLE_HERD", ValueKind.PRELIMINARY).actual()).isEqualByComparingTo("474");
        assertThat(ComparisonRow.of(row(preliminary, "CATTLE_HERD", ValueKind.PRELIMINARY)).kind())
                .isEqualTo("PRELIMINARY");
        assertThat(values.history("CATTLE_HERD", "KIMLOAN", Period.half(2023, 1), 10)).hasSize(4);
    }

    @Test
    void theNewCommuneComparesWithTheSumOfTheThreeCommunesItWasMadeOf() {
        OrgUnit haLang = orgUnits.require("XAHALANG");
        assertThat(haLang.parentCode()).isEqualTo("CAOBANG");
        assertThat(orgUnits.require("THIHOA").validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        // The seed's 2021 figures of Thanh Nhật, Thống Nhất and Thị Hoa against the new commune's 2025 figures.
        save("SPRING_RICE_AREA", "XAHALANG", "2025S2", ValueKind.ACTUAL, "60");
        save("SPRING_RICE_OUTPUT", "XAHALANG", "2025S2", ValueKind.ACTUAL, "300");
        List<Comparison> rows = engine.compare(haLang, List.of(Period.half(2025, 2)), Period.half(2021, 1), null);
        Comparison buffalo = row(rows, "BUFFALO_HERD", ValueKind.ACTUAL);
        assertThat(buffalo.actual()).isEqualByComparingTo("1352");
        assertThat(buffalo.previous()).as("209 + 558 + 627").isEqualByComparingTo("1394");
        assertThat(Numbers.vi().percent(buffalo.pctVsPrevious(), 1)).isEqualTo("97,0%");
        assertThat(buffalo.previousPeriod()).isEqualTo(Period.half(2021, 1));
        Comparison yield = row(rows, "SPRING_RICE_YIELD", ValueKind.ACTUAL);
        assertThat(yield.actual()).isEqualByComparingTo("50");
        // Recomputed from the three communes' output and area (344 t on 70 ha), not an average of their yields.
        assertThat(yield.previous().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("49.142857");
        assertThat(row(rows, "NTM_AVG_CRITERIA", ValueKind.ACTUAL).previous()).as("(19 + 7) tiêu chí / 2 xã")
                .isEqualByComparingTo("13");
    }

    @Test
    void aMergeGivesThePreviousYearTheSumOfTheCommunesAndStocksAreNotCountedTwice() {
        save("PIG_HERD", "THANHNHAT", "2024", ValueKind.ACTUAL, "1100");
        save("PIG_HERD", "THONGNHAT", "2024", ValueKind.ACTUAL, "900");
        save("PIG_HERD", "THIHOA", "2024", ValueKind.ACTUAL, "1000");
        save("PIG_HERD", "THIHOA", "2025S1", ValueKind.ACTUAL, "1040");
        List<Comparison> rows = engine.compare(orgUnits.require("XAHALANG"), List.of(Period.year(2025)));
        Comparison pigs = row(rows, "PIG_HERD", ValueKind.ACTUAL);
        assertThat(pigs.previous()).isEqualByComparingTo("3000");
        assertThat(pigs.actual()).as("the herd at the end of 2025, the old commune's June herd left out")
                .isEqualByComparingTo("3310");
        assertThatThrownBy(() -> save("PIG_HERD", "THIHOA", "2025S2", ValueKind.ACTUAL, "1"))
                .hasMessageContaining("Thị Hoa").hasMessageContaining("01/07/2025");
    }

    @Test
    void aSplitWithoutSharesIsNotComparableAndOneWithSharesIsCarriedByTheShare() {
        reorganisations.split("VINHQUY25", List.of(
                        new OrgUnitDraft("VINHQUY_A", "Xã Vinh Quý A (thử)", OrgUnitKind.COMMUNE, "CAOBANG", null, null),
                        new OrgUnitDraft("VINHQUY_B", "Xã Vinh Quý B (thử)", OrgUnitKind.COMMUNE, "CAOBANG", null, null)),
                Map.of("VINHQUY_B", Map.of("*", new BigDecimal("0.4"))), LocalDate.of(2026, 1, 1),
                "thử nghiệm", null, true, "test");
        save("BUFFALO_HERD", "VINHQUY_A", "2026S2", ValueKind.ACTUAL, "1300");
        save("BUFFALO_HERD", "VINHQUY_B", "2026S2", ValueKind.ACTUAL, "900");
        Comparison a = row(engine.compare(orgUnits.require("VINHQUY_A"), List.of(Period.half(2026, 2)),
                Period.half(2025, 2), null), "BUFFALO_HERD", ValueKind.ACTUAL);
        assertThat(a.previous()).isNull();
        assertThat(a.pctVsPrevious()).isNull();
        assertThat(a.changeVsPrevious()).isNull();
        assertThat(a.notComparable()).contains("Xã Vinh Quý").contains("không có tỷ lệ phân chia");
        assertThat(ComparisonRow.of(a).notComparable()).isEqualTo(a.notComparable());
        Comparison b = row(engine.compare(orgUnits.require("VINHQUY_B"), List.of(Period.half(2026, 2)),
                Period.half(2025, 2), null), "BUFFALO_HERD", ValueKind.ACTUAL);
        assertThat(b.notComparable()).isNull();
        assertThat(b.previous()).as("0,4 × 2.210").isEqualByComparingTo("884");
    }

    @Test
    void aDefinitionChangeStopsTheComparisonAcrossIt() {
        save("POOR_HOUSEHOLD_RATE", "HALANG", "2021", ValueKind.ACTUAL, "27.4");
        Comparison poverty2022 = row(engine.compare("HALANG", Period.year(2022)), "POOR_HOUSEHOLD_RATE",
                ValueKind.ACTUAL);
        assertThat(poverty2022.actual()).isEqualByComparingTo("25.12");
        assertThat(poverty2022.previous()).isNull();
        assertThat(poverty2022.pctVsPrevious()).isNull();
        assertThat(poverty2022.notComparable()).startsWith("định nghĩa thay đổi từ 01/01/2022")
                .contains("Nghị định 07/2021/NĐ-CP");
        Comparison poverty2023 = row(engine.compare("HALANG", Period.year(2023)), "POOR_HOUSEHOLD_RATE",
                ValueKind.ACTUAL);
        assertThat(poverty2023.notComparable()).isNull();
        assertThat(poverty2023.changeVsPrevious()).isEqualByComparingTo("-1.58");
    }

    @Test
    void fiveYearProgressAndAverageGrowthAgreeWithAHandCalculation() {
        List<FiveYearProgress> progress = plans.progress(orgUnits.require("HALANG"), Period.parse("2021-2025"));
        FiveYearProgress forest = progress.stream().filter(p -> p.figure().code().equals("FOREST_COVER")).findFirst()
                .orElseThrow();
        // By hand: base 2020 58,2%, latest 2024 60,8%, target 62%: (60,8 / 58,2)^(1/4) − 1 = 1,0986…%;
        // 60,8 / 62 = 98,06…%; to reach 62% in 2025 needs 62 / 60,8 − 1 = 1,9737%.
        assertThat(forest.baseValue()).isEqualByComparingTo("58.2");
        assertThat(forest.latestYear()).isEqualTo(2024);
        assertThat(forest.latestValue()).isEqualByComparingTo("60.8");
        assertThat(forest.averageGrowth().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("1.0986");
        assertThat(forest.pctOfTarget().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("98.06");
        assertThat(forest.requiredGrowth().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("1.9737");
        assertThat(forest.years()).extracting(FiveYearProgress.Year::year).containsExactly(2022, 2023, 2024, 2025);
        var y2023 = forest.years().get(1);
        assertThat(y2023.target().value()).isEqualByComparingTo("60.3");
        assertThat(y2023.pctOfPlan().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("99.83");
        FiveYearProgress crops = progress.stream().filter(p -> p.figure().code().equals("CROP_VALUE_PER_HA"))
                .findFirst().orElseThrow();
        // (36,4 / 30,5)^(1/4) − 1 = 4,5202…%; 36,4 / 40 = 91,0%.
        assertThat(crops.averageGrowth().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("4.5202");
        assertThat(crops.pctOfTarget().setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo("91.0");
        FiveYearProgress poverty = progress.stream().filter(p -> p.figure().code().equals("POOR_HOUSEHOLD_RATE"))
                .findFirst().orElseThrow();
        assertThat(poverty.averageGrowth()).as("2020 and 2024 are counted by different standards").isNull();
        assertThat(poverty.notComparable()).contains("chuẩn nghèo đa chiều");
    }

    @Test
    void povertyOf21Point87AgainstAtMost18IsWordedAs3Point87PointsAboveNot121Point5Percent() {
        FiveYearProgress poverty = plans.progress(orgUnits.require("HALANG"), Period.parse("2021-2025")).stream()
                .filter(p -> p.figure().code().equals("POOR_HOUSEHOLD_RATE")).findFirst().orElseThrow();
        assertThat(poverty.latestValue()).isEqualByComparingTo("21.87");
        assertThat(poverty.target().value()).isEqualByComparingTo("18");
        assertThat(poverty.pctOfTarget()).as("21,87 ÷ 18 = 121,5% reads as over-achieved").isNull();
        assertThat(poverty.standing()).isEqualTo("cao hơn chỉ tiêu 3,87 điểm %");
        assertThat(poverty.status()).as("2025 is still to come").isEqualTo(vn.kehoach.comparison.Status.IN_PROGRESS);
        vn.kehoach.comparison.FiveYearRow row = vn.kehoach.comparison.FiveYearRow.of(poverty);
        assertThat(row.pctOfTarget()).isNull();
        assertThat(row.gapToTarget()).isEqualByComparingTo("3.87");
        assertThat(row.gapUnit()).isEqualTo("điểm %");
    }

    @Test
    void aFiveYearTargetIsNotTheTargetOfOneYear() {
        assertThat(engine.compare("HALANG", Period.year(2024)).stream()
                .filter(c -> c.figure().code().equals("CROP_VALUE_PER_HA")).map(c -> c.target().value().toPlainString()))
                .containsExactly("37");
    }

    @Test
    void aValueAtConstantPricesIsTheCurrentValueOverThePriceIndexOfItsBaseYear() {
        Comparison real = row(engine.compare("HALANG", Period.year(2024)), "CROP_VALUE_PER_HA_2020", ValueKind.ACTUAL);
        // 36,4 ÷ 112,3 × 100 = 32,41 triệu đồng/ha at 2020 prices; against 34,8 ÷ 109,8 × 100 = 31,69 in 2023: 102,3%.
        assertThat(real.actual().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("32.4132");
        assertThat(Numbers.vi().percent(real.pctVsPrevious(), 1)).isEqualTo("102,3%");
        Comparison current = row(engine.compare("HALANG", Period.year(2024)), "CROP_VALUE_PER_HA", ValueKind.ACTUAL);
        assertThat(Numbers.vi().percent(current.pctVsPrevious(), 1)).as("at current prices").isEqualTo("104,6%");
    }

    @Autowired
    PlanDocumentWriter documents;
    @Autowired
    Definitions definitions;

    @Test
    void theDocumentNamesTheVintageAndSaysWhenAFigureCannotBeCompared() throws Exception {
        save("GRAIN_OUTPUT", "HALANG", "2022S1", ValueKind.PRELIMINARY, "7400");
        assertThat(documentText(2023)).contains("Sản lượng lương thực có hạt theo số liệu sơ bộ đạt 7.400 tấn và bằng "
                + "100,3% so với cùng kỳ năm 2021");
        definitions.save(new DefinitionChange("GRAIN_OUTPUT", LocalDate.of(2022, 1, 1), "tính cả ngô sinh khối (thử)",
                null, true), "test");
        assertThat(documentText(2023)).contains("Sản lượng lương thực có hạt theo số liệu sơ bộ đạt 7.400 tấn (không so "
                + "sánh được với cùng kỳ: định nghĩa thay đổi từ 01/01/2022: tính cả ngô sinh khối (thử))");
    }

    private String documentText(int year) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.write("HALANG", year, DocumentFormat.DOCX, out);
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            return d.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }
}
