package vn.kehoach.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.kehoach.audit.Source;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.format.Numbers;
import vn.kehoach.period.Period;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;
import vn.kehoach.target.Issuer;

/**
 * The project register and the budget table on the demo district, on whichever database the subclass starts: the
 * seed's works handed over, its disbursement rate (and the seed's error in it), the figures the register writes for
 * the comparison engine, the budget percentages of both issuers, and every refusal with nothing stored.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProjectRegister {

    static final LocalDate JUNE_30_2021 = LocalDate.of(2021, 6, 30);

    @Autowired
    DemoDistrict demo;
    @Autowired
    Projects projects;
    @Autowired
    BudgetLines budget;
    @Autowired
    ComparisonEngine engine;
    @Autowired
    DataValues dataValues;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void loadDemo() {
        demo.load("test");
        users.create("planner-anlac", "matkhau-anlac", "Cán bộ kế hoạch xã An Lạc", Set.of(Role.PLANNER), "ANLAC", "test");
    }

    <T> T as(String username, Supplier<T> action) {
        var principal = users.principal(username).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static String tyDong(BigDecimal trieuDong) {
        return Numbers.vi().format(trieuDong.movePointLeft(3), 3) + " tỷ đồng";
    }

    @Test
    void theSeedsFootnoteTwoHas26WorksHandedOverInTheFirstHalfOf2021() {
        List<Project> works = projects.handedOver("HALANG", 2021);
        assertThat(works).hasSize(26);
        assertThat(works).allMatch(p -> !p.handedOverOn().isAfter(JUNE_30_2021));
        // Item 7 of the footnote, "trường Tiểu học, THCS An Lạc, Sửa chữa mương thủy lợi Khau Lừa, xã Vinh Quý", is two works.
        assertThat(works).extracting(Project::name).contains("Cải tạo, sửa chữa trường Tiểu học, THCS An Lạc",
                "Sửa chữa mương thủy lợi Khau Lừa, xã Vinh Quý");
        assertThat(projects.programme("HALANG", 2021, JUNE_30_2021).handedOver()).isEqualTo(26);
    }

    @Test
    void eachWorkLiesInTheCommunesTheSeedNames() {
        Map<String, Integer> perPlace = new TreeMap<>();
        for (Project p : projects.handedOver("HALANG", 2021)) {
            p.places().forEach(place -> perPlace.merge(place.code(), 1, Integer::sum));
        }
        assertThat(perPlace).isEqualTo(Map.ofEntries(Map.entry("ANLAC", 4), Map.entry("DONGLOAN", 1),
                Map.entry("HALANG", 2), Map.entry("KIMLOAN", 2), Map.entry("LYQUOC", 3), Map.entry("MINHLONG", 6),
                Map.entry("THANGLOI", 3), Map.entry("THANHNHAT", 5), Map.entry("THIHOA", 1),
                Map.entry("THONGNHAT", 1), Map.entry("VINHQUY", 1)));
        assertThat(projects.require("CT21-23").placeNames()).isEqualTo("Xã Lý Quốc, Xã Minh Long");
        assertThat(projects.require("CT21-14").places()).extracting(Place::code).containsExactly("THANHNHAT", "THIHOA");
        assertThat(projects.list(new ProjectFilter(2021, "MINHLONG", null, null, null))).hasSize(6);
    }

    @Test
    void disbursementAt30June2021Is34Point5PercentNotTheSeeds35Point2() {
        // Seed: "Tổng số vốn đầu tư công được giao năm 2021 là 10,863 tỷ đồng; kết quả giải ngân đến ngày 30/6/2021
        // được 3,743 tỷ đồng, đạt 35,2% KH" — but 3,743 ÷ 10,863 = 34,46%.
        Programme p = projects.programme("HALANG", 2021, JUNE_30_2021);
        assertThat(p.projects()).isEqualTo(26);
        assertThat(p.allocated()).isEqualByComparingTo("10863");
        assertThat(p.disbursed()).isEqualByComparingTo("3743");
        assertThat(tyDong(p.allocated())).isEqualTo("10,863 tỷ đồng");
        assertThat(tyDong(p.disbursed())).isEqualTo("3,743 tỷ đồng");
        assertThat(Numbers.round(p.rate(), 2)).isEqualByComparingTo("34.46");
        assertThat(Numbers.vi().percent(p.rate(), 1)).isEqualTo("34,5%").isNotEqualTo("35,2%");
        assertThat(p.bySource().stream().map(SourceTotal::allocated).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("10863");
        assertThat(p.illustrativeSplit()).isTrue();
        // The plan line by 30/6 of 2021: 181 of 365 days.
        assertThat(Numbers.vi().percent(p.plannedRate(), 1)).isEqualTo("49,6%");
        assertThat(p.behind()).hasSize(26).allMatch(b -> b.delays().contains(Delay.DISBURSEMENT_BEHIND_PLAN));
    }

    @Test
    void theRegisterWritesTheDisbursementAndTheWorksTheComparisonEngineReads() {
        Comparison d = comparison("PUBLIC_INVESTMENT_DISBURSED", Period.half(2021, 1));
        assertThat(d.actual()).isEqualByComparingTo("3.743");
        assertThat(d.target().value()).isEqualByComparingTo("10.863");
        assertThat(Numbers.vi().percent(d.pctOfPlan(), 1)).isEqualTo("34,5%");
        assertThat(comparison("PUBLIC_INVESTMENT_DISBURSED", Period.yearToDate(2021, 9)).actual()).isEqualByComparingTo("3.743");
        assertThat(comparison("WORKS_HANDED_OVER", Period.half(2021, 1)).actual()).isEqualByComparingTo("26");
        assertThat(dataValues.find("PUBLIC_INVESTMENT_DISBURSED", "HALANG", Period.month(2021, 6), ValueKind.ACTUAL))
                .hasValueSatisfying(v -> assertThat(v.value()).isEqualByComparingTo("3.743"));
    }

    @Test
    void recordingDisbursementsMovesTheRateTheCurveAndTheDistrictsFigure() {
        Project p = projects.create(draft("TEST-DN-01", List.of("ANLAC", "KIMLOAN")), "test", Source.API);
        projects.allocate(new Allocation(p.code(), 2023, CapitalSource.DISTRICT_BUDGET, new BigDecimal("800"), null, false),
                "test", Source.API);
        projects.disburse(new DisbursementDraft(p.code(), 2023, CapitalSource.DISTRICT_BUDGET, LocalDate.of(2023, 3, 15),
                new BigDecimal("200"), null, false), "test", Source.API);
        assertThat(Numbers.vi().percent(projects.progress(p.code(), 2023, LocalDate.of(2023, 12, 31)).rate(), 1)).isEqualTo("25,0%");
        projects.disburse(new DisbursementDraft(p.code(), 2023, CapitalSource.DISTRICT_BUDGET, LocalDate.of(2023, 5, 10),
                new BigDecimal("300"), null, false), "test", Source.API);
        ProjectProgress progress = projects.progress(p.code(), 2023, LocalDate.of(2023, 12, 31));
        assertThat(progress.disbursed()).isEqualByComparingTo("500");
        assertThat(Numbers.vi().percent(progress.rate(), 1)).isEqualTo("62,5%");
        assertThat(progress.remaining()).isEqualByComparingTo("300");
        DisbursementCurve curve = projects.curve(List.of(p), 2023, LocalDate.of(2023, 12, 31));
        assertThat(curve.cumulative()).extracting(v -> v.toPlainString())
                .containsExactly("0", "0", "200", "200", "500", "500", "500", "500", "500", "500", "500", "500");
        assertThat(curve.plan().get(11)).isEqualByComparingTo("800");
        assertThat(comparison("PUBLIC_INVESTMENT_DISBURSED", Period.quarter(2023, 1)).actual()).isEqualByComparingTo("0.2");
        assertThat(comparison("PUBLIC_INVESTMENT_DISBURSED", Period.half(2023, 1)).actual()).isEqualByComparingTo("0.5");
    }

    @Test
    void aDisbursementLargerThanTheRemainingAllocationIsRefusedAndNothingIsStored() {
        Project p = projects.create(draft("TEST-DN-02", List.of("MINHLONG")), "test", Source.API);
        projects.allocate(new Allocation(p.code(), 2024, CapitalSource.PROVINCE_BUDGET, new BigDecimal("400"), null, false),
                "test", Source.API);
        projects.disburse(new DisbursementDraft(p.code(), 2024, CapitalSource.PROVINCE_BUDGET, LocalDate.of(2024, 2, 1),
                new BigDecimal("100"), null, false), "test", Source.API);
        int values = dataValues.count();
        assertThatThrownBy(() -> projects.disburse(new DisbursementDraft(p.code(), 2024, CapitalSource.PROVINCE_BUDGET,
                LocalDate.of(2024, 3, 1), new BigDecimal("300.5"), null, false), "test", Source.API))
                .hasMessage("Dự án TEST-DN-02: số tiền giải ngân 300,5 triệu đồng vượt số vốn Ngân sách tỉnh năm 2024"
                        + " còn lại 300 triệu đồng (đã giao 400 triệu đồng, đã giải ngân 100 triệu đồng)");
        assertThatThrownBy(() -> projects.disburse(new DisbursementDraft(p.code(), 2024, CapitalSource.CENTRAL_BUDGET,
                LocalDate.of(2024, 3, 1), new BigDecimal("10"), null, false), "test", Source.API))
                .hasMessage("Dự án TEST-DN-02 chưa được giao vốn Ngân sách trung ương năm 2024: chưa giải ngân được");
        assertThat(projects.disbursements(p.code(), 2024)).hasSize(1);
        assertThat(dataValues.count()).isEqualTo(values);
        assertThatThrownBy(() -> projects.allocate(new Allocation(p.code(), 2024, CapitalSource.PROVINCE_BUDGET,
                new BigDecimal("50"), null, false), "test", Source.API))
                .hasMessageContaining("không thể giảm xuống 50 triệu đồng vì đã giải ngân 100 triệu đồng");
    }

    @Test
    void aDisbursementDatedOutsideThePlanYearOrNotPositiveIsRefused() {
        assertThatThrownBy(() -> new DisbursementDraft("CT21-01", 2021, CapitalSource.PROVINCE_BUDGET,
                LocalDate.of(2022, 1, 5), BigDecimal.TEN, null, false))
                .hasMessage("Giải ngân dự án CT21-01: ngày giải ngân 05/01/2022 nằm ngoài năm kế hoạch 2021"
                        + " (từ 01/01/2021 đến 31/12/2021)");
        assertThatThrownBy(() -> new DisbursementDraft("CT21-01", 2021, CapitalSource.PROVINCE_BUDGET,
                LocalDate.of(2021, 3, 1), BigDecimal.ZERO, null, false))
                .hasMessage("Giải ngân dự án CT21-01: số tiền phải lớn hơn 0 (triệu đồng), không nhận 0");
        assertThatThrownBy(() -> new DisbursementDraft("CT21-01", 2021, CapitalSource.PROVINCE_BUDGET,
                LocalDate.of(2021, 3, 1), new BigDecimal("-5"), null, false))
                .hasMessageContaining("số tiền phải lớn hơn 0");
        assertThatThrownBy(() -> new Allocation("CT21-01", 2021, CapitalSource.PROVINCE_BUDGET, new BigDecimal("-1"), null, false))
                .hasMessageContaining("số vốn giao phải lớn hơn 0");
    }

    @Test
    void unknownCommunesAndAgenciesAreNotPlacesAndNothingIsStored() {
        int before = projects.list(ProjectFilter.ALL).size();
        assertThatThrownBy(() -> projects.create(draft("TEST-DN-03", List.of("ANLAC", "XAMOI")), "test", Source.API))
                .hasMessage("Dự án TEST-DN-03: không có xã mã 'XAMOI' (địa điểm xây dựng)");
        assertThatThrownBy(() -> projects.create(draft("TEST-DN-03", List.of("HL_TCKH")), "test", Source.API))
                .hasMessageContaining("'HL_TCKH' là cơ quan (Phòng Tài chính - Kế hoạch), không phải địa bàn xây dựng");
        assertThat(projects.list(ProjectFilter.ALL)).hasSize(before);
        assertThat(projects.find("TEST-DN-03")).isEmpty();
    }

    @Test
    void aPlannerCannotPlaceAProjectInACommuneOutsideTheirScope() {
        assertThatThrownBy(() -> as("planner-anlac", () -> projects.create(
                new ProjectDraft("TEST-DN-04", "Đường An Lạc – Kim Loan", ProjectKind.ROAD, "ANLAC",
                        List.of("ANLAC", "KIMLOAN"), null, null, ProjectStatus.PREPARATION, null, null, null, null,
                        false, null, null), "planner-anlac", Source.UI)))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("không được sửa dự án đầu tư công của Xã Kim Loan");
        assertThat(projects.find("TEST-DN-04")).isEmpty();
        // Nor may a commune's reporter, who sees the projects of the commune, change them.
        assertThatThrownBy(() -> as("reporter-minhlong", () -> projects.disburse(new DisbursementDraft("CT21-21", 2021,
                CapitalSource.NATIONAL_TARGET_PROGRAMME, LocalDate.of(2021, 7, 1), BigDecimal.ONE, null, false),
                "reporter-minhlong", Source.UI)))
                .isInstanceOf(OutOfScopeException.class).hasMessageContaining("Cán bộ kế hoạch");
    }

    @Test
    void aCommunesReporterSeesOnlyTheProjectsInTheirCommune() {
        List<Project> seen = as("reporter-minhlong", () -> projects.list(ProjectFilter.year(2021)));
        assertThat(seen).hasSize(6).allMatch(p -> p.places().stream().anyMatch(pl -> pl.code().equals("MINHLONG")));
        assertThat(as("reporter-minhlong", () -> projects.find("CT21-05"))).isEmpty();
    }

    @Test
    void theBudgetTreeShowsBothIssuersEstimatesFromTheComparisonEngine() {
        BudgetTree tree = budget.tree("HALANG", Period.half(2021, 1));
        assertThat(tree.issuers()).containsExactly(Issuer.PROVINCE, Issuer.DISTRICT_COUNCIL);
        assertThat(tree.rows()).extracting(r -> r.line().figureCode()).containsExactly("BUDGET_REVENUE", "TAX_REVENUE",
                "BALANCED_REVENUE", "BUDGET_EXPENDITURE", "RECURRENT_EXPENDITURE");
        assertThat(tree.rows()).extracting(BudgetRow::depth).containsExactly(0, 1, 1, 0, 1);
        assertThat(pct(tree, "BUDGET_REVENUE", Issuer.PROVINCE)).isEqualTo("69,48%");
        assertThat(pct(tree, "BUDGET_REVENUE", Issuer.DISTRICT_COUNCIL)).isEqualTo("68,74%");
        assertThat(pct(tree, "TAX_REVENUE", Issuer.PROVINCE)).isEqualTo("47,07%");
        assertThat(pct(tree, "TAX_REVENUE", Issuer.DISTRICT_COUNCIL)).isEqualTo("46,53%");
        assertThat(pct(tree, "BALANCED_REVENUE", Issuer.DISTRICT_COUNCIL)).isEqualTo("50,2%");
        assertThat(pct(tree, "BUDGET_EXPENDITURE", Issuer.DISTRICT_COUNCIL)).isEqualTo("40,06%");
        assertThat(pct(tree, "RECURRENT_EXPENDITURE", Issuer.DISTRICT_COUNCIL)).isEqualTo("41,4%");
        assertThat(row(tree, "BUDGET_REVENUE").actual()).isEqualByComparingTo("13.747");
        // The same numbers as the comparison table, since they are its numbers.
        Comparison c = engine.compare("HALANG", Period.half(2021, 1)).stream()
                .filter(x -> x.figure().code().equals("TAX_REVENUE") && x.target() != null
                        && x.target().issuer() == Issuer.PROVINCE).findFirst().orElseThrow();
        assertThat(row(tree, "TAX_REVENUE").estimate(Issuer.PROVINCE).orElseThrow().pctOfPlan()).isEqualTo(c.pctOfPlan());
    }

    @Test
    void aBudgetLineMustNameACatalogFigureAndAParentOfTheSameSide() {
        assertThatThrownBy(() -> budget.save(new BudgetLine("NO_SUCH_FIGURE", BudgetSide.REVENUE, null, null, 1)))
                .hasMessage("Không có chỉ tiêu mã 'NO_SUCH_FIGURE'");
        assertThatThrownBy(() -> budget.save(new BudgetLine("RECURRENT_EXPENDITURE", BudgetSide.EXPENDITURE,
                "TAX_REVENUE", null, 1))).hasMessageContaining("(Chi ngân sách) không thể nằm dưới dòng 'TAX_REVENUE'");
    }

    static String pct(BudgetTree tree, String code, Issuer issuer) {
        BudgetRow r = row(tree, code);
        return Numbers.vi().percent(r.estimate(issuer).orElseThrow().pctOfPlan(), r.pctDecimals());
    }

    static BudgetRow row(BudgetTree tree, String code) {
        return tree.rows().stream().filter(r -> r.line().figureCode().equals(code)).findFirst().orElseThrow();
    }

    Comparison comparison(String code, Period period) {
        return engine.compare("HALANG", period).stream().filter(c -> c.figure().code().equals(code)
                && c.kind() == ValueKind.ACTUAL).findFirst().orElseThrow(() -> new AssertionError("no " + code));
    }

    static ProjectDraft draft(String code, List<String> places) {
        return new ProjectDraft(code, "Công trình thử " + code, ProjectKind.ROAD, "HALANG", places, null, null,
                ProjectStatus.UNDER_CONSTRUCTION, LocalDate.of(2023, 1, 10), LocalDate.of(2024, 12, 31), null, null,
                false, null, null);
    }
}
