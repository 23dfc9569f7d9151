package vn.kehoach.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.target.Issuer;

/**
 * The seed's own numbers coming out of the comparison engine for the demo district, on whichever database the
 * subclass starts. Where the seed's arithmetic is wrong, the test says so and asserts the correct figure.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoDistrictComparisons {

    static final Period H1_2021 = Period.half(2021, 1);

    @Autowired
    DemoDistrict demo;
    @Autowired
    ComparisonEngine engine;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Catalog catalog;

    List<Comparison> halang;

    @BeforeAll
    void loadDemo() {
        demo.load("test");
        halang = engine.compare("HALANG", H1_2021);
    }

    Comparison row(String code) {
        return halang.stream().filter(c -> c.figure().code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no comparison for " + code));
    }

    Comparison row(String code, Issuer issuer) {
        return halang.stream().filter(c -> c.figure().code().equals(code) && c.target() != null
                && c.target().issuer() == issuer).findFirst().orElseThrow();
    }

    static String pct(Comparison c) {
        return Numbers.vi().percent(c.pctOfPlan(), c.figure().pctDecimals());
    }

    @Test
    void grainOutputIsNinetyNinePointFourPercentOfPlanAndNinetyNinePointSixOfLastYear() {
        Comparison grain = row("GRAIN_OUTPUT");
        assertThat(grain.kind()).isEqualTo(ValueKind.ESTIMATE);
        assertThat(grain.actual()).isEqualByComparingTo("7380");
        assertThat(grain.target().value()).isEqualByComparingTo("7427");
        assertThat(pct(grain)).isEqualTo("99,4%");
        assertThat(grain.pctOfPlanRounded()).isEqualByComparingTo("99.4");
        assertThat(Numbers.vi().percent(grain.pctVsPrevious(), 1)).isEqualTo("99,6%");
        assertThat(grain.status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void herdsAgainstTheYearsPlan() {
        assertThat(pct(row("BUFFALO_HERD"))).isEqualTo("98,5%");
        assertThat(row("BUFFALO_HERD").actual()).isEqualByComparingTo("7111");
        assertThat(pct(row("PIG_HERD"))).isEqualTo("82,8%");
        assertThat(row("BUFFALO_HERD").status()).as("half-way through the year").isEqualTo(Status.IN_PROGRESS);
        assertThat(row("CATTLE_HERD").status()).isEqualTo(Status.EXCEEDED);
    }

    @Test
    void cattleIs108Point9PercentWhichTheSeedRoundsTo109() {
        assertThat(pct(row("CATTLE_HERD"))).isEqualTo("108,9%");
    }

    @Test
    void poultryIs103Point9PercentWhichTheSeedRoundsTo104() {
        assertThat(pct(row("POULTRY_FLOCK"))).isEqualTo("103,9%");
    }

    @Test
    void budgetRevenueAgainstBothIssuers() {
        Comparison province = row("BUDGET_REVENUE", Issuer.PROVINCE);
        Comparison council = row("BUDGET_REVENUE", Issuer.DISTRICT_COUNCIL);
        assertThat(province.actual()).isEqualByComparingTo("13.747");
        assertThat(pct(province)).isEqualTo("69,48%");
        assertThat(pct(council)).isEqualTo("68,74%");
        assertThat(province.pctOfPlanRounded()).isEqualByComparingTo("69.48");
        assertThat(council.pctOfPlanRounded()).isEqualByComparingTo("68.74");
        assertThat(pct(row("TAX_REVENUE", Issuer.PROVINCE))).isEqualTo("47,07%");
        assertThat(pct(row("TAX_REVENUE", Issuer.DISTRICT_COUNCIL))).isEqualTo("46,53%");
        assertThat(pct(row("BALANCED_REVENUE"))).isEqualTo("50,2%");
        assertThat(pct(row("BUDGET_EXPENDITURE"))).isEqualTo("40,06%");
        assertThat(pct(row("RECURRENT_EXPENDITURE"))).isEqualTo("41,4%");
        assertThat(pct(row("POLICY_CREDIT_BALANCE"))).isEqualTo("99,6%");
        assertThat(province.status()).as("six months into a year's estimate").isEqualTo(Status.IN_PROGRESS);
        assertThat(province.dataMonths()).as("the six months are the whole period asked for").isNull();
    }

    @Test
    void aYearViewOfSixMonthsRevenueSaysSoAndIsProgressNotAFailure() {
        List<Comparison> year = engine.compare("HALANG", Period.year(2021));
        Comparison province = year.stream().filter(c -> c.figure().code().equals("BUDGET_REVENUE")
                && c.target().issuer() == Issuer.PROVINCE).findFirst().orElseThrow();
        assertThat(province.actual()).isEqualByComparingTo("13.747");
        assertThat(pct(province)).isEqualTo("69,48%");
        assertThat(province.dataMonths()).isEqualTo(6);
        assertThat(province.status()).as("13,747 of 19,785 by June is progress").isEqualTo(Status.IN_PROGRESS);
        assertThat(province.dataNote()).isEqualTo("số liệu 6 tháng");
        Cells cells = Cells.of(province);
        assertThat(cells.pctOfPlan()).isEqualTo("69,48%");
        assertThat(cells.status()).isEqualTo("đang thực hiện");
        assertThat(cells.dataNote()).isEqualTo("số liệu 6 tháng");
        ComparisonRow row = ComparisonRow.of(province);
        assertThat(row.dataMonths()).isEqualTo(6);
        assertThat(row.status()).isEqualTo("IN_PROGRESS");
        assertThat(year).filteredOn(c -> c.actual() != null && c.target() != null && c.dataMonths() != null)
                .as("no part-year line of 2021 is judged a failure").noneMatch(c -> c.status() == Status.NOT_MET);
    }

    @Test
    void povertyAboveItsCeilingIsNotMetAndReadsAsPercentagePointsAboveIt() {
        Comparison poverty = engine.compare("HALANG", Period.year(2022)).stream()
                .filter(c -> c.figure().code().equals("POOR_HOUSEHOLD_RATE") && c.kind() == ValueKind.ACTUAL)
                .findFirst().orElseThrow();
        assertThat(poverty.actual()).isEqualByComparingTo("25.12");
        assertThat(poverty.target().value()).isEqualByComparingTo("23.77");
        assertThat(poverty.status()).isEqualTo(Status.NOT_MET);
        assertThat(poverty.pctOfPlan()).as("25,12 ÷ 23,77 = 105,7% would read as over-achieved").isNull();
        assertThat(poverty.gap().value()).isEqualByComparingTo("1.35");
        assertThat(poverty.standing()).isEqualTo("cao hơn chỉ tiêu 1,35 điểm %");
        assertThat(Cells.of(poverty).pctOfPlan()).isEqualTo("cao hơn chỉ tiêu 1,35 điểm %");
        assertThat(Cells.of(poverty).status()).isEqualTo("không đạt");
        ComparisonRow row = ComparisonRow.of(poverty);
        assertThat(row.pctOfPlan()).isNull();
        assertThat(row.gapToTarget()).isEqualByComparingTo("1.35");
        assertThat(row.gapUnit()).isEqualTo("điểm %");
        assertThat(row.dataMonths()).isNull();
    }

    @Test
    void swineFeverVaccinationIs25Point05PercentNotTheSeeds24Point05() {
        // Seed: "tiêm văcxin Dịch tả lợn 2.755/11.000 liều đạt 24,05% KH" — 2.755 ÷ 11.000 = 25,045…%.
        assertThat(pct(row("VAC_CSF_DOSES"))).isEqualTo("25,05%");
        assertThat(pct(row("VAC_LSD_DOSES"))).isEqualTo("62,75%");
    }

    @Test
    void groundnutAreaIs96PercentNotTheSeeds95Point8() {
        // Seed, footnote 1: "Cây lạc: Diện tích 19,2/20 ha, đạt 95,8% KH" — 19,2 ÷ 20 = 96,0%.
        assertThat(pct(row("PEANUT_AREA"))).isEqualTo("96,0%");
    }

    @Test
    void publicInvestmentDisbursementIs34Point5PercentNotTheSeeds35Point2() {
        // Seed: "giải ngân đến ngày 30/6/2021 được 3,743 tỷ đồng, đạt 35,2% KH" of 10,863 tỷ — 3,743 ÷ 10,863 = 34,46%.
        Comparison d = row("PUBLIC_INVESTMENT_DISBURSED");
        assertThat(d.target().value()).isEqualByComparingTo("10.863");
        assertThat(pct(d)).isEqualTo("34,5%");
    }

    @Test
    void grainIsReportedAs7380ThoughItsPartsAddUpTo7381() {
        // Seed: grain 7.380 tấn, but footnote 1 gives lúa xuân 1.618 + ngô 5.763 = 7.381 tấn.
        BigDecimal parts = row("SPRING_RICE_OUTPUT").actual().add(row("WS_MAIZE_OUTPUT").actual());
        assertThat(parts).isEqualByComparingTo("7381");
        assertThat(row("GRAIN_OUTPUT").actual()).isEqualByComparingTo("7380");
    }

    @Test
    void budgetTargetFor2022IsInBillionsThoughTheSeedWritesMillions() {
        // Seed: "Thu ngân sách trên địa bàn huyện đạt 20,599 triệu đồng" — 20 million would be a fraction of the
        // 13,747 tỷ already collected in six months; the target is 20,599 tỷ đồng.
        Comparison c = engine.compare("HALANG", Period.year(2022)).stream()
                .filter(x -> x.figure().code().equals("BUDGET_REVENUE")).findFirst().orElseThrow();
        assertThat(c.target().value()).isEqualByComparingTo("20.599");
        assertThat(c.measure().symbol()).isEqualTo("tỷ đồng");
        assertThat(c.status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void cropFootnoteFigures() {
        assertThat(pct(row("SPRING_RICE_AREA"))).isEqualTo("97,1%");
        assertThat(pct(row("SPRING_RICE_OUTPUT"))).isEqualTo("97,1%");
        assertThat(pct(row("WS_MAIZE_AREA"))).isEqualTo("99,5%");
        assertThat(pct(row("WS_MAIZE_OUTPUT"))).isEqualTo("100,1%");
        assertThat(pct(row("SOYBEAN_AREA"))).isEqualTo("118,3%");
        assertThat(pct(row("SOYBEAN_OUTPUT"))).isEqualTo("118,3%");
        assertThat(pct(row("CASSAVA_AREA"))).isEqualTo("106,9%");
        assertThat(pct(row("SUGARCANE_AREA"))).isEqualTo("76,9%");
        assertThat(yieldOf("SPRING_RICE_YIELD")).isEqualTo("48,3");
        assertThat(yieldOf("WS_MAIZE_YIELD")).isEqualTo("38,6");
        assertThat(yieldOf("SOYBEAN_YIELD")).isEqualTo("6,7");
        assertThat(yieldOf("PEANUT_YIELD")).isEqualTo("9,0");
        assertThat(row("WS_MAIN_CROP_AREA").changeVsPrevious()).isEqualByComparingTo("35.4");
    }

    private String yieldOf(String code) {
        return Numbers.vi().format(row(code).actual(), 1);
    }

    @Test
    void districtYieldIsTotalOutputOverTotalAreaNotAnAverageOfCommuneYields() {
        var communes = orgUnits.children(orgUnits.require("HALANG")).stream()
                .filter(u -> u.kind().isCommuneLevel()).toList();
        assertThat(communes).hasSize(13);
        BigDecimal output = BigDecimal.ZERO;
        BigDecimal area = BigDecimal.ZERO;
        BigDecimal sumOfYields = BigDecimal.ZERO;
        for (var c : communes) {
            BigDecimal o = engine.value(c, catalog.figure("SPRING_RICE_OUTPUT"), H1_2021, ValueKind.ESTIMATE);
            BigDecimal a = engine.value(c, catalog.figure("SPRING_RICE_AREA"), H1_2021, ValueKind.ACTUAL);
            output = output.add(o);
            area = area.add(a);
            sumOfYields = sumOfYields.add(engine.value(c, catalog.figure("SPRING_RICE_YIELD"), H1_2021, ValueKind.ESTIMATE));
        }
        BigDecimal district = row("SPRING_RICE_YIELD").actual();
        assertThat(output).isEqualByComparingTo("1618");
        assertThat(area).isEqualByComparingTo("335");
        assertThat(district.setScale(6, RoundingMode.HALF_UP))
                .isEqualByComparingTo(output.multiply(BigDecimal.TEN).divide(area, 6, RoundingMode.HALF_UP));
        BigDecimal meanOfYields = sumOfYields.divide(BigDecimal.valueOf(13), 6, RoundingMode.HALF_UP);
        assertThat(meanOfYields.setScale(1, RoundingMode.HALF_UP)).isNotEqualByComparingTo(district.setScale(1, RoundingMode.HALF_UP));
    }

    @Test
    void newRuralCriteriaAverageNinePointFiveUpZeroPointSix() {
        Comparison ntm = row("NTM_AVG_CRITERIA");
        assertThat(Numbers.vi().format(ntm.actual(), 1)).isEqualTo("9,5");
        assertThat(Numbers.vi().format(ntm.previous(), 1)).isEqualTo("8,9");
        assertThat(Numbers.vi().format(ntm.changeVsPrevious(), 1)).isEqualTo("0,6");
    }

    @Test
    void outbreaksInSevenAndEightOfThirteenCommunes() {
        assertThat(row("ASF_OUTBREAK").actual()).isEqualByComparingTo("7");
        assertThat(row("LSD_OUTBREAK").actual()).isEqualByComparingTo("8");
        long communes = orgUnits.subtree(orgUnits.require("HALANG")).stream().filter(u -> u.kind().isCommuneLevel()).count();
        assertThat(communes).isEqualTo(13);
        assertThat(orgUnits.subtree(orgUnits.require("HALANG")).stream().filter(u -> u.kind() == OrgUnitKind.AGENCY)).isNotEmpty();
    }

    @Test
    void permitsUpSevenOnTheSamePeriod() {
        Comparison permits = row("BUILDING_PERMITS");
        assertThat(permits.actual()).isEqualByComparingTo("16");
        assertThat(permits.changeVsPrevious()).isEqualByComparingTo("7");
    }

    @Test
    void illustrativeCommuneFiguresAreMarked() {
        Comparison rice = engine.compare("MINHLONG", H1_2021).stream()
                .filter(c -> c.figure().code().equals("SPRING_RICE_AREA")).findFirst().orElseThrow();
        assertThat(rice.illustrative()).isTrue();
        Comparison outbreak = engine.compare("MINHLONG", H1_2021).stream()
                .filter(c -> c.figure().code().equals("ASF_OUTBREAK")).findFirst().orElseThrow();
        assertThat(outbreak.illustrative()).as("the report names Minh Long").isFalse();
    }

    @Test
    void povertyTargetFor2022IsACeiling() {
        Comparison poverty = engine.compare("HALANG", Period.year(2022)).stream()
                .filter(c -> c.figure().code().equals("POOR_HOUSEHOLD_RATE")).findFirst().orElseThrow();
        assertThat(poverty.target().value()).isEqualByComparingTo("23.77");
        assertThat(poverty.target().direction()).isEqualTo(vn.kehoach.target.Direction.AT_MOST);
    }

    @Test
    void loadingTheDemoTwiceChangesNothing() {
        int before = halang.size();
        demo.load("test");
        assertThat(engine.compare("HALANG", H1_2021)).hasSize(before);
    }

    @Autowired
    vn.kehoach.analytics.Analytics analytics;
    @Autowired
    vn.kehoach.datavalue.DataValues dataValues;

    /**
     * Every unit of the demo, for every calendar period it holds values for: the comparisons the in-memory index
     * answers equal the database's, line by line and cell by cell (value, target, % of plan, last year, % and change
     * against it, status, data months, not-comparable reason), as the API prints them and to the last digit.
     */
    @Test
    void theIndexAnswersEveryCalendarComparisonAsTheDatabaseDoes() {
        analytics.rebuild();
        List<vn.kehoach.orgunit.OrgUnit> units = orgUnits.all();
        List<Period> periods = orgUnits.roots().stream().flatMap(r -> dataValues.periodsWithValues(r).stream())
                .filter(p -> p.type().calendar()).distinct().sorted().toList();
        assertThat(periods).contains(H1_2021, Period.year(2021));
        int lines = 0;
        java.util.Map<Period, List<String>> fromIndex = new java.util.TreeMap<>();
        for (Period p : periods) {
            ComparisonQuery q = ComparisonQuery.of(units, p);
            ComparisonEngine.Answer index = engine.answer(q, true);
            ComparisonEngine.Answer database = engine.answer(q, false);
            assertThat(database.fromIndex()).isEmpty();
            assertSameCells(index.comparisons(), database.comparisons());
            lines += index.comparisons().size();
            fromIndex.put(p, index.fromIndex());
        }
        // Before the 2025 merger the district and its communes read their own subtrees: the index answers them. The
        // communes made in 2025 hold their predecessors' territory: the database answers them.
        assertThat(fromIndex.get(H1_2021)).contains("CAOBANG", "HALANG", "MINHLONG", "THANHNHAT")
                .doesNotContain("LYQUOC25", "XAHALANG");
        assertThat(lines).isGreaterThan(1000);
    }

    /** A level below a root asks the same as its units listed one by one, on either path. */
    @Test
    void everyCommuneOfTheDistrictAtItsLevelAnswersAsTheCommunesOneByOne() {
        analytics.rebuild();
        vn.kehoach.orgunit.OrgUnit district = orgUnits.require("HALANG");
        int level = district.level() + 1;
        List<vn.kehoach.orgunit.OrgUnit> below = orgUnits.subtree(district).stream()
                .filter(u -> u.level() == level).toList();
        assertThat(below).hasSizeGreaterThan(10);
        ComparisonEngine.Answer atLevel = engine.answer(ComparisonQuery.below(district, level, H1_2021), true);
        assertThat(atLevel.fromIndex()).contains("MINHLONG");
        List<Comparison> oneByOne = below.stream()
                .flatMap(u -> engine.answer(ComparisonQuery.of(u, H1_2021), false).comparisons().stream()).toList();
        assertSameCells(atLevel.comparisons(), oneByOne);
        assertThat(atLevel.comparisons().stream().map(c -> c.unit().code()).distinct().toList())
                .isEqualTo(below.stream().map(vn.kehoach.orgunit.OrgUnit::code)
                        .filter(c -> oneByOne.stream().anyMatch(x -> x.unit().code().equals(c))).toList());
    }

    /**
     * Every level of the demo's tree, before the 2025 merger, after it, and for every period with data: the units of
     * a level (read down to that level, the rest of the tree read only for the units that need it: those the
     * database answers) answer as they do one by one, and the units a reorganisation made are among them.
     */
    @Test
    void everyLevelAnswersAsItsUnitsOneByOneBeforeAndAfterTheMerger() {
        analytics.rebuild();
        vn.kehoach.orgunit.OrgUnit root = orgUnits.roots().get(0);
        int deepest = orgUnits.subtree(root).stream().mapToInt(vn.kehoach.orgunit.OrgUnit::level).max().orElseThrow();
        boolean mergedSeen = false;
        // No period: every period with data, read from the database (the subtrees' values, each unit's share).
        for (Period p : java.util.Arrays.asList(H1_2021, Period.half(2025, 2), null)) {
            for (int level = root.level(); level <= deepest; level++) {
                int l = level;
                ComparisonEngine.Answer atLevel = engine.answer(ComparisonQuery.below(root, level, p), true);
                List<Comparison> oneByOne = orgUnits.subtree(root).stream().filter(u -> u.level() == l)
                        .flatMap(u -> engine.answer(ComparisonQuery.of(u, p), false).comparisons().stream()).toList();
                assertSameCells(atLevel.comparisons(), oneByOne);
                mergedSeen |= atLevel.comparisons().stream().anyMatch(c -> c.unit().code().equals("LYQUOC25"))
                        && !atLevel.fromIndex().contains("LYQUOC25");
            }
        }
        assertThat(mergedSeen).as("a merged commune answered by the database at its level").isTrue();
    }

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    /** Takes away {@link ComparisonRow}'s own serializer: the record written by Jackson's bean serializer. */
    @tools.jackson.databind.annotation.JsonSerialize(using = tools.jackson.databind.ValueSerializer.None.class)
    abstract static class BeanWritten {
    }

    /**
     * The API writes its rows with {@link ComparisonRow}'s own serializer: for every row of the demo (targets of every
     * basis and direction, ceilings and gaps, estimates, part-year data, not-comparable reasons, nulls), the same
     * characters as Jackson's bean serializer writes from the record's annotations, with the application's mapper.
     */
    @Test
    void everyRowOfTheDemoIsWrittenAsTheRecordsAnnotationsSay() {
        List<Period> periods = orgUnits.roots().stream().flatMap(r -> dataValues.periodsWithValues(r).stream())
                .distinct().sorted().toList();
        List<ComparisonRow> rows = periods.stream()
                .flatMap(p -> engine.answer(ComparisonQuery.of(orgUnits.all(), p)).stream()).map(ComparisonRow::of)
                .toList();
        assertThat(rows).hasSizeGreaterThan(1000);
        assertThat(rows).anyMatch(r -> r.gapToTarget() != null).anyMatch(r -> r.dataMonths() != null)
                .anyMatch(r -> r.notComparable() != null).anyMatch(r -> r.illustrative());
        tools.jackson.databind.json.JsonMapper bean = json.rebuild().addMixIn(ComparisonRow.class, BeanWritten.class)
                .build();
        for (ComparisonRow r : rows) {
            assertThat(json.writeValueAsString(r)).as(r.unit() + " " + r.indicatorCode() + " " + r.period())
                    .isEqualTo(bean.writeValueAsString(r));
        }
        assertThat(json.writeValueAsString(rows)).isEqualTo(bean.writeValueAsString(rows))
                .contains("\"unit\":\"HALANG\",\"unit_name\":");
        // Indented, as `kehoach compare --format json` writes them with a mapper of its own.
        var indent = tools.jackson.databind.SerializationFeature.INDENT_OUTPUT;
        assertThat(tools.jackson.databind.json.JsonMapper.builder().enable(indent).build().writeValueAsString(rows))
                .isEqualTo(tools.jackson.databind.json.JsonMapper.builder().enable(indent)
                        .addMixIn(ComparisonRow.class, BeanWritten.class).build().writeValueAsString(rows));
    }

    /** Tree order (each parent before its children, children in Vietnamese collation, agencies last) as it was defined. */
    @Test
    void subtreesAreInTreeOrderWithChildrenInDisplayOrder() {
        for (vn.kehoach.orgunit.OrgUnit root : orgUnits.roots()) {
            List<vn.kehoach.orgunit.OrgUnit> expected = new java.util.ArrayList<>();
            walk(root, expected);
            assertThat(orgUnits.subtree(root)).isEqualTo(expected);
        }
    }

    private void walk(vn.kehoach.orgunit.OrgUnit unit, List<vn.kehoach.orgunit.OrgUnit> out) {
        out.add(unit);
        List<vn.kehoach.orgunit.OrgUnit> children = new java.util.ArrayList<>(orgUnits.subtree(unit).stream()
                .filter(u -> u.parentId() != null && u.parentId() == unit.id()).toList());
        children.sort(OrgUnits.displayOrder());
        children.forEach(c -> walk(c, out));
    }

    private static void assertSameCells(List<Comparison> actual, List<Comparison> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            Comparison a = actual.get(i);
            Comparison e = expected.get(i);
            String where = e.unit().code() + " " + e.figure().code() + " " + e.period().id() + " " + e.kind();
            assertThat(ComparisonRow.of(a)).as(where).isEqualTo(ComparisonRow.of(e));
            assertThat(same(a.actual(), e.actual())).as(where + " value").isTrue();
            assertThat(same(a.previous(), e.previous())).as(where + " last year").isTrue();
            assertThat(same(a.pctOfPlan(), e.pctOfPlan())).as(where + " % of plan").isTrue();
            assertThat(same(a.pctVsPrevious(), e.pctVsPrevious())).as(where + " % of last year").isTrue();
            assertThat(same(a.changeVsPrevious(), e.changeVsPrevious())).as(where + " change").isTrue();
            assertThat(a.target()).as(where + " target").isEqualTo(e.target());
            assertThat(a.status()).as(where + " status").isEqualTo(e.status());
            assertThat(a.illustrative()).as(where + " illustrative").isEqualTo(e.illustrative());
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
