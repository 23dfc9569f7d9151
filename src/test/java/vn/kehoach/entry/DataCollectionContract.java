package vn.kehoach.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kehoach.ActingAs.as;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.kehoach.ActingAs.run;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.kehoach.approval.ApprovalState;
import vn.kehoach.approval.ApprovalWorkflow;
import vn.kehoach.approval.Completeness;
import vn.kehoach.approval.WorkflowException;
import vn.kehoach.audit.AuditQuery;
import vn.kehoach.audit.AuditRecord;
import vn.kehoach.audit.AuditTrail;
import vn.kehoach.audit.Source;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.EntryLockedException;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.exchange.CsvFile;
import vn.kehoach.exchange.CsvImport;
import vn.kehoach.exchange.ImportException;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;
import vn.kehoach.target.Basis;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;
import vn.kehoach.target.TargetStatus;
import vn.kehoach.target.Targets;
import vn.kehoach.validation.FormCheck;
import vn.kehoach.validation.Importance;
import vn.kehoach.validation.ValidationRules;
import vn.kehoach.validation.Violation;

/**
 * Data collection on the demo district, through the services every channel uses, on whichever database the subclass
 * starts: the forms, the entry of one cell, validation, the approval workflow and its lock, the data-value-set
 * import, scope and the audit trail. Each test works on its own commune (or period), so they do not depend on order.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DataCollectionContract {

    static final Period H1_2021 = Period.half(2021, 1);
    static final Period H1_2022 = Period.half(2022, 1);
    static final String AGRICULTURE = "NN_6T_XA";
    static final String HEALTH = "YT_6T_HUYEN";

    @Autowired
    DemoDistrict demo;
    @Autowired
    DataEntry entry;
    @Autowired
    DataValues values;
    @Autowired
    DataSets forms;
    @Autowired
    ValidationRules rules;
    @Autowired
    ApprovalWorkflow workflow;
    @Autowired
    DataValueSets sets;
    @Autowired
    CsvImport csv;
    @Autowired
    Users users;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Targets targets;
    @Autowired
    List<AuditTrail> trails;

    @BeforeAll
    void loadDemo() {
        demo.load("test");
        users.create("tinh.duyet", "mat-khau-tinh", "Lãnh đạo UBND tỉnh", Set.of(Role.APPROVER), "CAOBANG", "test");
    }

    private BigDecimal stored(String element, String unit, Period period, ValueKind kind) {
        return values.find(element, unit, period, kind).map(DataValue::value).orElse(null);
    }

    private void put(String element, String unit, Period period, ValueKind kind, String value) {
        values.save(DataValueWrite.of(element, unit, period, kind, new BigDecimal(value)), "test", Source.IMPORT);
    }

    private EntryRow row(EntryForm f, String element) {
        return f.rows().stream().filter(r -> r.elementCode().equals(element)).findFirst().orElseThrow();
    }

    /** Fills the two yields the demo leaves empty, with the figures that make output ≈ yield × area ÷ 10. */
    private void fillYields(String unit, String reporter, String riceYield, String maizeYield) {
        run(users, reporter, () -> {
            assertThat(entry.save(AGRICULTURE, unit, H1_2021, "SPRING_RICE_REPORTED_YIELD", riceYield, null, 0, Source.UI).error()).isNull();
            assertThat(entry.save(AGRICULTURE, unit, H1_2021, "WS_MAIZE_REPORTED_YIELD", maizeYield, null, 0, Source.UI).error()).isNull();
        });
    }

    @Test
    void theCommuneAgricultureFormHasItsCropsWithYieldsAndOutputsAsEstimatesAndItsHerds() {
        DataSet form = forms.require(AGRICULTURE);
        assertThat(form.elementCodes()).containsExactly("SPRING_RICE_AREA", "SPRING_RICE_REPORTED_YIELD",
                "SPRING_RICE_OUTPUT", "WS_MAIZE_AREA", "WS_MAIZE_REPORTED_YIELD", "WS_MAIZE_OUTPUT", "BUFFALO_HERD",
                "CATTLE_HERD", "PIG_HERD", "POULTRY_FLOCK", "ASF_OUTBREAK", "LSD_OUTBREAK");
        assertThat(form.element("SPRING_RICE_OUTPUT").orElseThrow().kind()).isEqualTo(ValueKind.ESTIMATE);
        assertThat(form.element("SPRING_RICE_AREA").orElseThrow().kind()).isEqualTo(ValueKind.ACTUAL);
        assertThat(form.dueDate(H1_2021)).hasToString("2021-07-10");
        assertThat(forms.reportedBy(orgUnits.require("THANHNHAT"))).extracting(DataSet::code).containsExactly(AGRICULTURE);
        assertThat(forms.reportedBy(orgUnits.require("HALANG"))).extracting(DataSet::code).containsExactly(HEALTH);
    }

    @Test
    void theGridShowsMinhLongsFiguresTheVietnameseWayWithTheYieldsStillToEnter() {
        EntryForm f = as(users, "reporter-minhlong", () -> entry.open(AGRICULTURE, "MINHLONG", H1_2021));
        assertThat(row(f, "WS_MAIZE_AREA").value()).isEqualTo("149,9");
        assertThat(row(f, "POULTRY_FLOCK").value()).isEqualTo("10.007");
        assertThat(row(f, "ASF_OUTBREAK").value()).isEqualTo("có");
        assertThat(row(f, "SPRING_RICE_OUTPUT").kind()).isEqualTo(ValueKind.ESTIMATE);
        assertThat(f.filled()).isEqualTo(10);
        assertThat(f.check().missingRequired()).extracting(e -> e.elementCode())
                .containsExactly("SPRING_RICE_REPORTED_YIELD", "WS_MAIZE_REPORTED_YIELD");
        assertThat(f.editable()).isTrue();
        assertThat(f.approval().state()).isEqualTo(ApprovalState.DRAFT);
    }

    @Test
    void aNumberTypedTheVietnameseWayIsStoredExactlyAndShownBack() {
        CellSave s = as(users, "reporter-thangloi", () ->
                entry.save(AGRICULTURE, "THANGLOI", H1_2022, "WS_MAIZE_AREA", "1.492,9", "ước theo thống kê", 0, Source.UI));
        assertThat(s.error()).isNull();
        assertThat(stored("WS_MAIZE_AREA", "THANGLOI", H1_2022, ValueKind.ACTUAL)).isEqualByComparingTo("1492.9");
        assertThat(s.row().value()).isEqualTo("1.492,9");
        assertThat(s.row().comment()).isEqualTo("ước theo thống kê");
        assertThat(s.row().version()).isEqualTo(1);
        CellSave cleared = as(users, "reporter-thangloi", () ->
                entry.save(AGRICULTURE, "THANGLOI", H1_2022, "WS_MAIZE_AREA", "", null, 1, Source.UI));
        assertThat(cleared.error()).isNull();
        assertThat(stored("WS_MAIZE_AREA", "THANGLOI", H1_2022, ValueKind.ACTUAL)).isNull();
    }

    @Test
    void textInANumberCellAndHalfAHeadOfCattleAreRefusedWithAMessageAndNothingStored() {
        CellSave text = as(users, "reporter-thangloi", () ->
                entry.save(AGRICULTURE, "THANGLOI", H1_2022, "PIG_HERD", "mười", null, 0, Source.UI));
        assertThat(text.error()).isEqualTo("'mười' không phải là số; nhập số kiểu Việt Nam, ví dụ 1.492,9");
        CellSave half = as(users, "reporter-thangloi", () ->
                entry.save(AGRICULTURE, "THANGLOI", H1_2022, "CATTLE_HERD", "12,5", null, 0, Source.UI));
        assertThat(half.error()).isEqualTo("chỉ tiêu 'CATTLE_HERD' nhận số nguyên, không nhận 12,5");
        assertThat(stored("PIG_HERD", "THANGLOI", H1_2022, ValueKind.ACTUAL)).isNull();
        assertThat(stored("CATTLE_HERD", "THANGLOI", H1_2022, ValueKind.ACTUAL)).isNull();
    }

    @Test
    void twoPeopleSavingOneCellGetAConflictNotASilentOverwrite() {
        run(users, "reporter-thangloi", () -> assertThat(
                entry.save(AGRICULTURE, "THANGLOI", H1_2022, "BUFFALO_HERD", "500", null, 0, Source.UI).error()).isNull());
        CellSave planner = as(users, "planner", () ->
                entry.save(AGRICULTURE, "THANGLOI", H1_2022, "BUFFALO_HERD", "520", null, 1, Source.UI));
        assertThat(planner.error()).isNull();
        CellSave late = as(users, "reporter-thangloi", () ->
                entry.save(AGRICULTURE, "THANGLOI", H1_2022, "BUFFALO_HERD", "510", null, 1, Source.UI));
        assertThat(late.error()).isEqualTo("Số liệu 'Tổng đàn trâu' của Xã Thắng Lợi kỳ 2022S1 vừa được planner sửa "
                + "thành 520; hãy tải lại trước khi lưu");
        assertThat(stored("BUFFALO_HERD", "THANGLOI", H1_2022, ValueKind.ACTUAL)).isEqualByComparingTo("520");
    }

    @Test
    void aCommuneEndedByTheReorganisationGetsNoFormAfterItsEndAndItsPeriodsHaveNoGaps() {
        Period h2_2025 = Period.half(2025, 2);
        assertThatThrownBy(() -> as(users, "reporter-minhlong", () -> entry.open(AGRICULTURE, "MINHLONG", h2_2025)))
                .isInstanceOf(UnitNotInForceException.class)
                .hasMessage("Xã Minh Long chỉ tồn tại đến hết ngày 30/06/2025 (sắp xếp vào Xã Lý Quốc); không có biểu "
                        + "6 tháng cuối năm 2025 (2025S2) của đơn vị này. Số liệu từ ngày 01/07/2025 nhập cho Xã Lý Quốc.");
        assertThatThrownBy(() -> as(users, "reporter-minhlong", () -> entry.save(AGRICULTURE, "MINHLONG", h2_2025,
                "PIG_HERD", "900", null, 0, Source.UI))).isInstanceOf(UnitNotInForceException.class);
        DataEntry.FormUnits mine = as(users, "reporter-minhlong", () -> entry.forms()).stream()
                .filter(fu -> fu.form().code().equals(AGRICULTURE)).findFirst().orElseThrow();
        assertThat(mine.defaultPeriod()).isEqualTo(H1_2021);
        assertThat(mine.periods()).contains(Period.half(2021, 2), Period.half(2022, 1), Period.half(2022, 2),
                Period.half(2023, 1), Period.half(2023, 2), Period.half(2025, 1)).doesNotContain(h2_2025);
        EntryForm last = as(users, "reporter-minhlong", () -> entry.open(AGRICULTURE, "MINHLONG", Period.half(2025, 1)));
        assertThat(last.earlier()).isEqualTo(Period.half(2024, 2));
        assertThat(last.later()).as("no next period after the unit's end").isNull();
    }

    @Test
    void aCellsHistoryNamesWhoWhenAndOldToNew() {
        run(users, "reporter-kimloan", () -> {
            int v = entry.open(AGRICULTURE, "KIMLOAN", H1_2022).rows().stream()
                    .filter(r -> r.elementCode().equals("CATTLE_HERD")).findFirst().orElseThrow().version();
            assertThat(entry.save(AGRICULTURE, "KIMLOAN", H1_2022, "CATTLE_HERD", "410", null, v, Source.UI).error()).isNull();
            assertThat(entry.save(AGRICULTURE, "KIMLOAN", H1_2022, "CATTLE_HERD", "1.415", "đếm lại", v + 1, Source.UI)
                    .error()).isNull();
        });
        CellHistory h = as(users, "reporter-kimloan", () -> entry.history(AGRICULTURE, "KIMLOAN", H1_2022, "CATTLE_HERD"));
        assertThat(h.elementName()).isEqualTo("Tổng đàn bò");
        assertThat(h.changes()).hasSize(2);
        assertThat(h.changes().get(0)).satisfies(c -> {
            assertThat(c.who()).isEqualTo("reporter-kimloan");
            assertThat(c.action()).isEqualTo("sửa");
            assertThat(c.oldValue()).isEqualTo("410");
            assertThat(c.newValue()).isEqualTo("1.415");
            assertThat(c.newComment()).isEqualTo("đếm lại");
            assertThat(c.source()).isEqualTo("giao diện");
        });
        assertThat(h.changes().get(1).action()).isEqualTo("nhập mới");
        assertThatThrownBy(() -> as(users, "reporter-minhlong", () -> entry.history(AGRICULTURE, "KIMLOAN", H1_2022,
                "CATTLE_HERD"))).as("another commune's history").isInstanceOf(vn.kehoach.security.OutOfScopeException.class);
    }

    @Test
    void thePreviousHalfYearAndTheSameHalfLastYearAreShownBesideEachCell() {
        put("PIG_HERD", "THANHNHAT", Period.half(2020, 2), ValueKind.ACTUAL, "1150");
        put("PIG_HERD", "THANHNHAT", Period.half(2020, 1), ValueKind.ACTUAL, "1100");
        put("SPRING_RICE_OUTPUT", "THANHNHAT", Period.half(2020, 1), ValueKind.ACTUAL, "57");
        EntryForm f = as(users, "reporter-thanhnhat", () -> entry.open(AGRICULTURE, "THANHNHAT", H1_2021));
        assertThat(f.previousPeriod()).isEqualTo(Period.half(2020, 2));
        assertThat(f.lastYearPeriod()).isEqualTo(Period.half(2020, 1));
        assertThat(row(f, "PIG_HERD").value()).isEqualTo("1.205");
        assertThat(row(f, "PIG_HERD").previous()).isEqualTo("1.150");
        assertThat(row(f, "PIG_HERD").lastYear()).isEqualTo("1.100");
        assertThat(row(f, "SPRING_RICE_OUTPUT").lastYear()).as("an actual beside an estimate cell").isEqualTo("57");
    }

    @Test
    void outputMustBeYieldTimesAreaWithinOnePercent() {
        // Cô Ngân: 18 ha of spring rice, 81 tấn. 45 tạ/ha gives exactly 81; 55 gives 99, 18,2% off.
        CellSave wrong = as(users, "reporter-congan", () ->
                entry.save(AGRICULTURE, "CONGAN", H1_2021, "SPRING_RICE_REPORTED_YIELD", "55", null, 0, Source.UI));
        List<Violation> found = wrong.row().findings();
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.ruleCode()).isEqualTo("NN_RICE_OUTPUT_IS_YIELD_TIMES_AREA");
            assertThat(v.importance()).isEqualTo(Importance.HIGH);
            assertThat(v.message()).isEqualTo("Sản lượng lúa xuân phải bằng năng suất × diện tích ÷ 10 (lệch không quá 1%)");
            assertThat(v.detail()).isEqualTo("Sản lượng lúa xuân (tấn) = 81; phải ≈ năng suất × diện tích ÷ 10 = 99 (lệch 18,2%, cho phép 1%)");
        });
        assertThat(row(wrong.form(), "SPRING_RICE_OUTPUT").findings()).as("the output's cell is marked too").hasSize(1);
        assertThat(row(wrong.form(), "SPRING_RICE_AREA").mark()).isEqualTo("mark-high");
        CellSave right = as(users, "reporter-congan", () ->
                entry.save(AGRICULTURE, "CONGAN", H1_2021, "SPRING_RICE_REPORTED_YIELD", "45", null, 1, Source.UI));
        assertThat(right.form().check().violations()).isEmpty();
    }

    @Test
    void theSeedsHealthFiguresPassEveryRuleOfTheHealthForm() {
        // 1.072 doses = 544 first + 528 second; 87 passed + 31 failed = 118 inspected.
        FormCheck check = rules.checkForm(forms.require(HEALTH), orgUnits.require("HALANG"), H1_2021);
        assertThat(check.violations()).isEmpty();
        assertThat(check.missingRequired()).isEmpty();
        assertThat(rules.touching(forms.require(HEALTH).elementCodes())).extracting(r -> r.code()).containsExactlyInAnyOrder(
                "YT_DOSES_ARE_FIRST_PLUS_SECOND", "YT_SECOND_DOSE_WITHIN_FIRST", "YT_FOOD_SAFETY_PASSED_PLUS_FAILED");
    }

    @Test
    void aNegativeHerdIsStoredMarkedAndStopsTheSubmission() {
        fillYields("DONGLOAN", "reporter-dongloan", "47", "39,2");
        CellSave negative = as(users, "reporter-dongloan", () ->
                entry.save(AGRICULTURE, "DONGLOAN", H1_2021, "PIG_HERD", "-5", null, 1, Source.UI));
        assertThat(negative.error()).isNull();
        assertThat(negative.row().findings()).extracting(Violation::message).containsExactly("Tổng đàn lợn không được âm");
        assertThat(negative.form().check().blocking()).isTrue();
        assertThatThrownBy(() -> run(users, "reporter-dongloan", () -> workflow.submit(AGRICULTURE, "DONGLOAN", H1_2021, Source.UI)))
                .isInstanceOf(WorkflowException.class)
                .hasMessage("Chưa gửi được Biểu 'Kết quả sản xuất nông nghiệp 6 tháng (cấp xã)' của Xã Đồng Loan kỳ 6 tháng đầu năm 2021: còn 1 lỗi phải sửa")
                .satisfies(e -> assertThat(((WorkflowException) e).problems())
                        .containsExactly("Tổng đàn lợn không được âm — Tổng đàn lợn = -5; phải ≥ 0"));
        assertThat(workflow.state(forms.require(AGRICULTURE), orgUnits.require("DONGLOAN"), H1_2021).state())
                .isEqualTo(ApprovalState.DRAFT);
    }

    @Test
    void aCommuneCannotReportMoreGrainThanItsWholeDistrict() {
        // Đức Quang: 30 ha of rice, 151 tấn; the district's grain is 7.380 tấn.
        CellSave s = as(users, "reporter-ducquang", () ->
                entry.save(AGRICULTURE, "DUCQUANG", H1_2021, "SPRING_RICE_OUTPUT", "7.000", null, 1, Source.UI));
        assertThat(s.row().findings()).filteredOn(v -> v.ruleCode().equals("NN_COMMUNE_GRAIN_WITHIN_DISTRICT"))
                .singleElement().satisfies(v -> {
                    assertThat(v.importance()).isEqualTo(Importance.MEDIUM);
                    assertThat(v.detail()).isEqualTo("Sản lượng lúa xuân và ngô đông xuân của xã = 7.476; "
                            + "phải ≤ sản lượng lương thực có hạt của huyện (cấp trên) = 7.380");
                });
    }

    @Test
    void aPigHerdTenTimesItsOwnHistoryIsAnOutlierButItsDemoFigureIsNot() {
        // Median 840, median absolute deviation 40 (floored at 5% of 840 = 42): 0,6745 × 7.560 ÷ 42 = 121,4.
        put("PIG_HERD", "KIMLOAN", Period.half(2018, 1), ValueKind.ACTUAL, "800");
        put("PIG_HERD", "KIMLOAN", Period.half(2019, 1), ValueKind.ACTUAL, "840");
        put("PIG_HERD", "KIMLOAN", Period.half(2020, 1), ValueKind.ACTUAL, "880");
        EntryForm normal = as(users, "reporter-kimloan", () -> entry.open(AGRICULTURE, "KIMLOAN", H1_2021));
        assertThat(row(normal, "PIG_HERD").findings()).isEmpty();
        CellSave typo = as(users, "reporter-kimloan", () ->
                entry.save(AGRICULTURE, "KIMLOAN", H1_2021, "PIG_HERD", "8.400", null, 1, Source.UI));
        assertThat(typo.row().findings()).singleElement().satisfies(v -> {
            assertThat(v.isOutlier()).isTrue();
            assertThat(v.importance()).isEqualTo(Importance.MEDIUM);
            assertThat(v.message()).isEqualTo("Tổng đàn lợn 8.400 khác xa số liệu cùng kỳ các năm trước của Xã Kim Loan; hãy kiểm tra lại");
            assertThat(v.detail()).isEqualTo("trung vị cùng kỳ 2018S1–2020S1: 840; độ lệch chuẩn hóa 121,4 (ngưỡng 3,5)");
        });
        assertThat(typo.form().check().blockingViolations()).as("an outlier warns, it does not block").isEmpty();
    }

    @Test
    void theDistrictReportListsEachCommunesViolationsInTreeOrder() {
        Period h1 = Period.half(2023, 1);
        put("PIG_HERD", "VINHQUY", h1, ValueKind.ACTUAL, "-1");
        put("CATTLE_HERD", "THONGNHAT", h1, ValueKind.ACTUAL, "-2");
        put("CATTLE_HERD", "THIHOA", h1, ValueKind.ACTUAL, "300");
        List<Violation> report = as(users, "planner", () -> rules.checkSubtree(orgUnits.require("HALANG"), h1));
        assertThat(report).extracting(Violation::orgUnitCode, Violation::ruleCode).containsExactly(
                tuple("THONGNHAT", "NN_CATTLE_NOT_NEGATIVE"),
                tuple("VINHQUY", "NN_PIGS_NOT_NEGATIVE"));
    }

    @Test
    void submittingNeedsEveryRequiredLineFilled() {
        assertThatThrownBy(() -> run(users, "reporter-quanglong", () -> workflow.submit(AGRICULTURE, "QUANGLONG", H1_2021, Source.UI)))
                .isInstanceOf(WorkflowException.class)
                .satisfies(e -> assertThat(((WorkflowException) e).problems()).containsExactly(
                        "Chưa nhập 2 dòng bắt buộc: Năng suất lúa xuân (đơn vị báo cáo), Năng suất ngô đông xuân (đơn vị báo cáo)"));
    }

    @Test
    void approvedValuesCannotChangeThroughThePageTheApiOrAnImportUntilAPlannerReopens() {
        fillYields("LYQUOC", "reporter-lyquoc", "48,8", "40,1");
        var submitted = as(users, "reporter-lyquoc", () -> workflow.submit(AGRICULTURE, "LYQUOC", H1_2021, Source.UI));
        assertThat(submitted.approval().state()).isEqualTo(ApprovalState.SUBMITTED);
        assertThat(submitted.approval().submittedBy()).isEqualTo("reporter-lyquoc");
        CellSave whileSubmitted = as(users, "reporter-lyquoc", () ->
                entry.save(AGRICULTURE, "LYQUOC", H1_2021, "PIG_HERD", "1000", null, 1, Source.UI));
        assertThat(whileSubmitted.error()).contains("đã được reporter-lyquoc gửi duyệt lúc").contains("đang chờ duyệt nên không sửa được");
        assertThatThrownBy(() -> run(users, "reporter-lyquoc", () -> workflow.approve(AGRICULTURE, "LYQUOC", H1_2021, Source.UI)))
                .isInstanceOf(OutOfScopeException.class).hasMessageContaining("không được duyệt biểu (cần vai trò");
        run(users, "planner", () -> workflow.approve(AGRICULTURE, "LYQUOC", H1_2021, Source.UI));

        EntryForm page = as(users, "reporter-lyquoc", () -> entry.open(AGRICULTURE, "LYQUOC", H1_2021));
        assertThat(page.editable()).isFalse();
        assertThat(page.readOnlyReason()).startsWith("Biểu đã được planner duyệt lúc").endsWith(
                "; số liệu đã khóa. Muốn sửa, đề nghị cán bộ kế hoạch cấp trên mở lại biểu.");
        assertThat(as(users, "reporter-lyquoc", () ->
                entry.save(AGRICULTURE, "LYQUOC", H1_2021, "PIG_HERD", "1000", null, 1, Source.UI)).error())
                .contains("đã được planner duyệt lúc").contains("số liệu đã khóa, không sửa được");
        assertThatThrownBy(() -> run(users, "planner", () -> values.save(DataValueWrite.of("PIG_HERD", "LYQUOC", H1_2021,
                ValueKind.ACTUAL, new BigDecimal("1000")), "planner", Source.API)))
                .isInstanceOf(EntryLockedException.class);
        assertThatThrownBy(() -> csv.importFiles(List.of(new CsvFile("dan-lon.csv",
                "element,org_unit,period,value\nPIG_HERD,LYQUOC,2021S1,1000\n")), "test", Source.IMPORT))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).errors().get(0).toString()).startsWith(
                        "dan-lon.csv, dòng 2: Biểu 'Kết quả sản xuất nông nghiệp 6 tháng (cấp xã)' của Xã Lý Quốc kỳ "
                                + "6 tháng đầu năm 2021 đã được planner duyệt lúc"));
        assertThat(stored("PIG_HERD", "LYQUOC", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("1080");
        assertThat(stored("BUDGET_REVENUE", "HALANG", H1_2021, ValueKind.ACTUAL)).as("other forms stay open").isEqualByComparingTo("13.747");

        assertThatThrownBy(() -> run(users, "approver", () -> workflow.reopen(AGRICULTURE, "LYQUOC", H1_2021, "sai số", Source.UI)))
                .isInstanceOf(OutOfScopeException.class).hasMessageContaining("không được mở lại biểu (cần vai trò [Cán bộ kế hoạch])");
        assertThatThrownBy(() -> run(users, "planner", () -> workflow.reopen(AGRICULTURE, "LYQUOC", H1_2021, " ", Source.UI)))
                .isInstanceOf(WorkflowException.class).hasMessage("Cần ghi lý do mở lại để đơn vị biết phải sửa gì");
        var reopened = as(users, "planner", () ->
                workflow.reopen(AGRICULTURE, "LYQUOC", H1_2021, "Số lợn tiêu hủy chưa trừ", Source.UI));
        assertThat(reopened.state()).isEqualTo(ApprovalState.RETURNED);
        assertThat(reopened.reason()).isEqualTo("Số lợn tiêu hủy chưa trừ");
        assertThat(as(users, "reporter-lyquoc", () ->
                entry.save(AGRICULTURE, "LYQUOC", H1_2021, "PIG_HERD", "1000", null, 1, Source.UI)).error()).isNull();
        assertThat(stored("PIG_HERD", "LYQUOC", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("1000");
    }

    @Test
    void aReporterWithdrawsASubmissionNotYetDecidedWhileTheDistrictCanOnlyReturnIt() {
        fillYields("ANLAC", "reporter-anlac", "46,8", "37,8");
        run(users, "reporter-anlac", () -> workflow.submit(AGRICULTURE, "ANLAC", H1_2021, Source.UI));
        EntryForm reporterView = as(users, "reporter-anlac", () -> entry.open(AGRICULTURE, "ANLAC", H1_2021));
        EntryForm plannerView = as(users, "planner", () -> entry.open(AGRICULTURE, "ANLAC", H1_2021));
        assertThat(reporterView.canWithdraw()).isTrue();
        assertThat(plannerView.canWithdraw()).isFalse();
        assertThat(plannerView.readOnlyReason()).endsWith("Duyệt hoặc trả lại (kèm lý do) bằng các nút dưới đây.");
        var withdrawn = as(users, "reporter-anlac", () -> workflow.withdraw(AGRICULTURE, "ANLAC", H1_2021, Source.UI));
        assertThat(withdrawn.state()).isEqualTo(ApprovalState.DRAFT);
        assertThat(as(users, "reporter-anlac", () -> entry.open(AGRICULTURE, "ANLAC", H1_2021)).editable()).isTrue();
        assertThatThrownBy(() -> run(users, "reporter-anlac", () -> workflow.withdraw(AGRICULTURE, "ANLAC", H1_2021, Source.UI)))
                .isInstanceOf(WorkflowException.class).hasMessage("Biểu 'Kết quả sản xuất nông nghiệp 6 tháng (cấp xã)' của Xã An Lạc kỳ 6 tháng đầu năm 2021 "
                        + "chưa được gửi (đang nhập): chỉ rút lại được biểu đã gửi mà chưa được duyệt");
    }

    @Test
    void aUnitNeverDecidesItsOwnFormTheProvinceApprovesTheDistrict() {
        var submitted = as(users, "planner", () -> workflow.submit(HEALTH, "HALANG", H1_2021, Source.UI));
        assertThat(submitted.warnings()).isEmpty();
        assertThatThrownBy(() -> run(users, "approver", () -> workflow.approve(HEALTH, "HALANG", H1_2021, Source.UI)))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessage("Tài khoản approver không được tự duyệt biểu của chính Huyện Hạ Lang: biểu của một đơn vị do "
                        + "cấp trên quyết định (huyện duyệt xã, tỉnh duyệt huyện)");
        assertThatThrownBy(() -> run(users, "tinh.duyet", () -> workflow.returnForCorrection(HEALTH, "HALANG", H1_2021, "", Source.UI)))
                .isInstanceOf(WorkflowException.class).hasMessage("Cần ghi lý do trả lại để đơn vị biết phải sửa gì");
        var approved = as(users, "tinh.duyet", () -> workflow.approve(HEALTH, "HALANG", H1_2021, Source.UI));
        assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("tinh.duyet");
        assertThatThrownBy(() -> values.save(DataValueWrite.of("COVID_CASES", "HALANG", H1_2021, ValueKind.ACTUAL,
                BigDecimal.ONE), "test", Source.CLI)).isInstanceOf(EntryLockedException.class)
                .hasMessageContaining("Biểu 'Tình hình y tế 6 tháng (cấp huyện)' của Huyện Hạ Lang kỳ 6 tháng đầu năm 2021 đã được tinh.duyet duyệt lúc");
    }

    @Test
    void aFormTheProvinceApprovesOffersTheDistrictsApproverNoDecision() {
        DataSet agriculture = forms.require(AGRICULTURE);
        DataSet byProvince = new DataSet(agriculture.code(), agriculture.name(), agriculture.periodType(),
                agriculture.unitKinds(), agriculture.dueDays(), agriculture.description(), agriculture.sortOrder(),
                agriculture.elements(), OrgUnitKind.PROVINCE);
        OrgUnit minhLong = orgUnits.require("MINHLONG");
        assertThat(as(users, "approver", () -> workflow.canDecide(agriculture, minhLong))).isTrue();
        assertThat(as(users, "approver", () -> workflow.canDecide(byProvince, minhLong))).isFalse();
        assertThat(as(users, "tinh.duyet", () -> workflow.canDecide(byProvince, minhLong))).isTrue();
        assertThat(as(users, "reporter-minhlong", () -> workflow.canDecide(agriculture, minhLong))).isFalse();
    }

    @Test
    void completenessCountsTheCommunesThatSubmittedByTheDueDate() {
        // A period still to come: the communes of 2021 ended on 30/06/2025, so the new Xã Hạ Lang reports it.
        Period future = Period.half(2027, 1);
        assertThat(as(users, "planner", () -> workflow.completeness(forms.require(AGRICULTURE),
                orgUnits.require("HALANG"), future)).lines()).as("merged communes are not expected to report").isEmpty();
        DataValueSet set = new DataValueSet(AGRICULTURE, null, future.id(), "XAHALANG", List.of(
                value("SPRING_RICE_AREA", "38"), value("SPRING_RICE_REPORTED_YIELD", "51.6"),
                value("SPRING_RICE_OUTPUT", "196"), value("WS_MAIZE_AREA", "115"),
                value("WS_MAIZE_REPORTED_YIELD", "40.8"), value("WS_MAIZE_OUTPUT", "469"), value("BUFFALO_HERD", "627"),
                value("CATTLE_HERD", "578"), value("PIG_HERD", "1080"), value("POULTRY_FLOCK", "11258")));
        ImportSummary imported = as(users, "reporter-xahalang", () -> sets.importSet(set, DataValueSets.AtomicMode.NONE, false, Source.API));
        assertThat(imported.importCount()).isEqualTo(new ImportSummary.ImportCount(10, 0, 0, 0));
        run(users, "reporter-xahalang", () -> workflow.submit(AGRICULTURE, "XAHALANG", future, Source.API));
        Completeness c = as(users, "admin", () ->
                workflow.completeness(forms.require(AGRICULTURE), orgUnits.require("CAOBANG"), future));
        assertThat(c.dueDate()).hasToString("2027-07-10");
        assertThat(c.lines()).as("the four communes of 2025").hasSize(4);
        assertThat(c.submitted()).isEqualTo(1);
        assertThat(c.submittedOnTime()).isEqualTo(1);
        Completeness.Line haLang = c.lines().stream().filter(l -> l.unit().code().equals("XAHALANG")).findFirst().orElseThrow();
        assertThat(haLang.entered()).isEqualTo(10);
        assertThat(haLang.expected()).isEqualTo(12);
        assertThat(haLang.onTime()).isTrue();

        fillYields("QUANGLONG", "reporter-quanglong", "51,6", "40,8");
        run(users, "reporter-quanglong", () -> workflow.submit(AGRICULTURE, "QUANGLONG", H1_2021, Source.UI));
        Completeness past = as(users, "planner", () ->
                workflow.completeness(forms.require(AGRICULTURE), orgUnits.require("HALANG"), H1_2021));
        Completeness.Line late = past.lines().stream().filter(l -> l.unit().code().equals("QUANGLONG")).findFirst().orElseThrow();
        assertThat(late.approval().state()).isEqualTo(ApprovalState.SUBMITTED);
        assertThat(late.onTime()).as("due on 10/07/2021").isFalse();
    }

    @Test
    void aReporterCannotWriteAnotherCommunesValueThroughAnyChannel() {
        assertThatThrownBy(() -> run(users, "reporter-minhlong", () -> values.save(DataValueWrite.of("PIG_HERD", "ANLAC",
                H1_2021, ValueKind.ACTUAL, new BigDecimal("1")), "reporter-minhlong", Source.API)))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessage("Tài khoản reporter-minhlong chỉ được nhập số liệu của Xã Minh Long và các đơn vị trực thuộc, "
                        + "không được sửa số liệu của Xã An Lạc");
        assertThatThrownBy(() -> run(users, "reporter-minhlong", () ->
                entry.save(AGRICULTURE, "ANLAC", H1_2021, "PIG_HERD", "1", null, 1, Source.UI)))
                .isInstanceOf(OutOfScopeException.class);
        DataValueSet mixed = new DataValueSet(null, null, "2021S1", null, List.of(
                new DataValueSet.Value("PIG_HERD", null, "MINHLONG", "961", null, null, null, null, null),
                new DataValueSet.Value("PIG_HERD", null, "ANLAC", "1", null, null, null, null, null)));
        assertThatThrownBy(() -> run(users, "reporter-minhlong", () ->
                sets.importSet(mixed, DataValueSets.AtomicMode.NONE, false, Source.API)))
                .isInstanceOf(OutOfScopeException.class).hasMessageContaining("không được nhập cho Xã An Lạc; không lưu số liệu nào");
        assertThatThrownBy(() -> run(users, "reporter-minhlong", () -> csv.importFiles(List.of(new CsvFile("x.csv",
                "element,org_unit,period,value\nPIG_HERD,MINHLONG,2021S1,962\nPIG_HERD,ANLAC,2021S1,1\n")), "reporter-minhlong", Source.IMPORT)))
                .as("the import names the line and the column, and stores nothing")
                .isInstanceOf(vn.kehoach.exchange.ImportException.class)
                .hasMessageContaining("x.csv, dòng 3, cột org_unit: Tài khoản reporter-minhlong chỉ được nhập số liệu của Xã Minh Long");
        assertThatThrownBy(() -> run(users, "viewer", () -> values.save(DataValueWrite.of("COVID_CASES", "HALANG",
                Period.half(2024, 1), ValueKind.ACTUAL, BigDecimal.ONE), "viewer", Source.API)))
                .isInstanceOf(OutOfScopeException.class).hasMessageContaining("không có quyền này (cần vai trò");
        assertThat(stored("PIG_HERD", "ANLAC", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("960");
        assertThat(stored("PIG_HERD", "MINHLONG", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("960");
    }

    private static DataValueSet.Value value(String element, String value) {
        return new DataValueSet.Value(element, null, null, value, null, null, null, null, null);
    }

    @Test
    void aDataValueSetStoresTheValidValuesAndReportsEachRefusedOneByItsIndex() {
        put("PIG_HERD", "THIHOA", H1_2022, ValueKind.ACTUAL, "800");
        put("WS_MAIZE_AREA", "THIHOA", H1_2022, ValueKind.ACTUAL, "100");
        DataValueSet set = new DataValueSet(AGRICULTURE, null, "2022S1", "THIHOA", List.of(
                value("SPRING_RICE_AREA", "20.5"),
                value("PIG_HERD", "900"),
                value("CATTLE_HERD", "mười"),
                value("NO_SUCH_ELEMENT", "1"),
                new DataValueSet.Value("BUFFALO_HERD", "202206", null, "400", null, null, null, null, null),
                value("WS_MAIZE_AREA", "100")));
        ImportSummary s = as(users, "reporter-thihoa", () -> sets.importSet(set, DataValueSets.AtomicMode.NONE, false, Source.API));
        assertThat(s.status()).isEqualTo(ImportSummary.Status.WARNING);
        assertThat(s.importCount()).isEqualTo(new ImportSummary.ImportCount(1, 1, 4, 0));
        assertThat(s.conflicts()).extracting(ImportSummary.Conflict::errorCode, c -> c.indexes().get(0), ImportSummary.Conflict::value)
                .containsExactly(
                        tuple("E7619", 2, "Giá trị 'mười' của chỉ tiêu CATTLE_HERD phải là số dạng máy, "
                                + "dấu chấm thập phân, không phân cách hàng nghìn (ví dụ 1492.9)"),
                        tuple("E7610", 3, "Không có chỉ tiêu mã 'NO_SUCH_ELEMENT' (số liệu thứ 4)"),
                        tuple("E7632", 4, "Kỳ 202206 là kỳ tháng, biểu 'NN_6T_XA' nhận kỳ 6 tháng (ví dụ 2021S1)"));
        assertThat(stored("SPRING_RICE_AREA", "THIHOA", H1_2022, ValueKind.ACTUAL)).isEqualByComparingTo("20.5");
        assertThat(stored("PIG_HERD", "THIHOA", H1_2022, ValueKind.ACTUAL)).isEqualByComparingTo("900");
        assertThat(stored("CATTLE_HERD", "THIHOA", H1_2022, ValueKind.ACTUAL)).isNull();
        DataValueSet back = as(users, "reporter-thihoa", () -> sets.export(AGRICULTURE, "THIHOA", "2022S1", false));
        assertThat(back.dataValues()).extracting(DataValueSet.Value::dataElement, DataValueSet.Value::value, DataValueSet.Value::kind)
                .containsExactlyInAnyOrder(tuple("SPRING_RICE_AREA", "20.5", "ACTUAL"),
                        tuple("PIG_HERD", "900", "ACTUAL"),
                        tuple("WS_MAIZE_AREA", "100", "ACTUAL"));
    }

    @Test
    void atomicModeAllStoresNothingWhenOneValueIsRefusedEvenAtTheLockAndADryRunStoresNothing() {
        Period p = Period.half(2024, 1);
        DataValueSet bad = new DataValueSet(AGRICULTURE, null, p.id(), "THONGNHAT", List.of(
                value("SPRING_RICE_AREA", "21"), value("PIG_HERD", "nhiều")));
        ImportSummary refused = as(users, "reporter-thongnhat", () -> sets.importSet(bad, DataValueSets.AtomicMode.ALL, false, Source.API));
        assertThat(refused.status()).isEqualTo(ImportSummary.Status.ERROR);
        assertThat(refused.importCount()).isEqualTo(new ImportSummary.ImportCount(0, 0, 2, 0));
        assertThat(stored("SPRING_RICE_AREA", "THONGNHAT", p, ValueKind.ACTUAL)).isNull();

        DataValueSet trial = new DataValueSet(AGRICULTURE, null, p.id(), "THONGNHAT", List.of(value("SPRING_RICE_AREA", "21")));
        ImportSummary dry = as(users, "reporter-thongnhat", () -> sets.importSet(trial, DataValueSets.AtomicMode.NONE, true, Source.API));
        assertThat(dry.importCount()).isEqualTo(new ImportSummary.ImportCount(1, 0, 0, 0));
        assertThat(stored("SPRING_RICE_AREA", "THONGNHAT", p, ValueKind.ACTUAL)).isNull();

        DataValueSet full = new DataValueSet(AGRICULTURE, null, p.id(), "THONGNHAT", List.of(
                value("SPRING_RICE_AREA", "20"), value("SPRING_RICE_REPORTED_YIELD", "45"), value("SPRING_RICE_OUTPUT", "90"),
                value("WS_MAIZE_AREA", "100"), value("WS_MAIZE_REPORTED_YIELD", "40"), value("WS_MAIZE_OUTPUT", "400"),
                value("BUFFALO_HERD", "500"), value("CATTLE_HERD", "400"), value("PIG_HERD", "900"), value("POULTRY_FLOCK", "9000")));
        run(users, "reporter-thongnhat", () -> sets.importSet(full, DataValueSets.AtomicMode.NONE, false, Source.API));
        run(users, "reporter-thongnhat", () -> workflow.submit(AGRICULTURE, "THONGNHAT", p, Source.API));
        // The first value is valid and outside the form; the second hits the submitted form, so neither stays.
        DataValueSet mixed = new DataValueSet(null, null, p.id(), "THONGNHAT", List.of(
                value("ASF_PIGS_CULLED", "3"), value("PIG_HERD", "897")));
        ImportSummary locked = as(users, "reporter-thongnhat", () -> sets.importSet(mixed, DataValueSets.AtomicMode.ALL, false, Source.API));
        assertThat(locked.status()).isEqualTo(ImportSummary.Status.ERROR);
        assertThat(locked.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.errorCode()).isEqualTo("E7642");
            assertThat(c.indexes()).containsExactly(1);
            assertThat(c.value()).contains("đang chờ duyệt nên không sửa được");
        });
        assertThat(stored("ASF_PIGS_CULLED", "THONGNHAT", p, ValueKind.ACTUAL)).isNull();
        assertThat(stored("PIG_HERD", "THONGNHAT", p, ValueKind.ACTUAL)).isEqualByComparingTo("900");
        ImportSummary partial = as(users, "reporter-thongnhat", () -> sets.importSet(mixed, DataValueSets.AtomicMode.NONE, false, Source.API));
        assertThat(partial.importCount()).isEqualTo(new ImportSummary.ImportCount(1, 0, 1, 0));
        assertThat(stored("ASF_PIGS_CULLED", "THONGNHAT", p, ValueKind.ACTUAL)).isEqualByComparingTo("3");
    }

    @Test
    void everyChangeOfAValueATargetAndAnApprovalIsInTheTrailWithItsUserAndChannel() {
        Period p = Period.half(2025, 1);
        run(users, "reporter-vinhquy", () -> entry.save(AGRICULTURE, "VINHQUY", p, "PIG_HERD", "700", "đầu kỳ", 0, Source.UI));
        run(users, "reporter-vinhquy", () -> sets.importSet(new DataValueSet(AGRICULTURE, null, p.id(), "VINHQUY",
                List.of(value("PIG_HERD", "710"))), DataValueSets.AtomicMode.NONE, false, Source.API));
        run(users, "planner", () -> entry.save(AGRICULTURE, "VINHQUY", p, "PIG_HERD", "", null, 2, Source.UI));
        targets.save(new Target("PIG_HERD", "VINHQUY", Period.year(2025), Issuer.DISTRICT_COMMITTEE, Direction.AT_LEAST,
                Basis.LEVEL, new BigDecimal("750"), null, TargetStatus.ADOPTED, null, null, null, false), "planner", Source.UI);
        String path = orgUnits.require("VINHQUY").path();
        List<AuditRecord> trail = trails.stream().flatMap(t -> t.search(new AuditQuery(path, null, null, "PIG_HERD",
                null, null, null, null, 50)).stream()).sorted(Comparator.comparing(AuditRecord::at).reversed()).toList();
        // The four newest: the demo's own import of the commune's herd comes before them.
        assertThat(trail.subList(0, 4)).extracting(AuditRecord::username, AuditRecord::source, AuditRecord::area, AuditRecord::action,
                AuditRecord::oldValue, AuditRecord::newValue).containsExactly(
                tuple("planner", Source.UI, "Chỉ tiêu kế hoạch", "Giao mới", "", "≥ 750"),
                tuple("planner", Source.UI, "Số liệu thực hiện", "Xóa", "710", ""),
                tuple("reporter-vinhquy", Source.API, "Số liệu thực hiện", "Sửa", "700", "710"),
                tuple("reporter-vinhquy", Source.UI, "Số liệu thực hiện", "Nhập mới", "", "700"));
        assertThat(trail.get(3).note()).isEqualTo("ghi chú: (trống) → “đầu kỳ”");
        List<AuditRecord> byUser = trails.stream().flatMap(t -> t.search(new AuditQuery(path, "reporter-vinhquy", p.id(), null,
                Source.API, null, null, "lợn", 50)).stream()).toList();
        assertThat(byUser).singleElement().satisfies(r -> assertThat(r.newValue()).isEqualTo("710"));
        java.time.Instant now = java.time.Instant.now();
        assertThat(trails.stream().flatMap(t -> t.search(new AuditQuery(path, "reporter-vinhquy", p.id(), null, null,
                now.minusSeconds(3600), now.plusSeconds(3600), null, 50)).stream()).toList()).hasSize(2);
        assertThat(trails.stream().flatMap(t -> t.search(new AuditQuery(path, "reporter-vinhquy", p.id(), null, null,
                now.plusSeconds(3600), null, null, 50)).stream()).toList()).as("nothing from tomorrow on").isEmpty();
    }

    @Test
    void approvalStepsAreInTheTrailWithTheReasons() {
        fillYields("THANHNHAT", "reporter-thanhnhat", "49,2", "41");
        run(users, "reporter-thanhnhat", () -> workflow.submit(AGRICULTURE, "THANHNHAT", H1_2021, Source.UI));
        run(users, "approver", () -> workflow.returnForCorrection(AGRICULTURE, "THANHNHAT", H1_2021,
                "Đàn gia cầm cao bất thường", Source.UI));
        String path = orgUnits.require("THANHNHAT").path();
        List<AuditRecord> trail = trails.stream().flatMap(t -> t.search(new AuditQuery(path, null, "2021S1", AGRICULTURE,
                null, null, null, null, 50)).stream()).sorted(Comparator.comparing(AuditRecord::at).reversed()).toList();
        assertThat(trail).extracting(AuditRecord::username, AuditRecord::area, AuditRecord::action, AuditRecord::oldValue,
                AuditRecord::newValue, AuditRecord::note).containsExactly(
                tuple("approver", "Phê duyệt", "Trả lại", "đã gửi, chờ duyệt", "bị trả lại",
                        "Đàn gia cầm cao bất thường"),
                tuple("reporter-thanhnhat", "Phê duyệt", "Gửi duyệt", "đang nhập",
                        "đã gửi, chờ duyệt", null));
        assertThat(trail.get(0).subjectName()).isEqualTo("Kết quả sản xuất nông nghiệp 6 tháng (cấp xã)");
    }

    @Test
    void aConflictIsReportedToTheApiToo() {
        run(users, "reporter-thihoa", () -> values.save(DataValueWrite.of("POULTRY_FLOCK", "THIHOA", Period.half(2024, 2),
                ValueKind.ACTUAL, new BigDecimal("9000")), "reporter-thihoa", Source.API));
        assertThatThrownBy(() -> run(users, "reporter-thihoa", () -> values.save(new DataValueWrite("POULTRY_FLOCK", "THIHOA",
                Period.half(2024, 2), ValueKind.ACTUAL, new BigDecimal("9100"), null, false, 0), "reporter-thihoa", Source.API)))
                .isInstanceOf(ConflictException.class);
    }
}
