package vn.kehoach.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.catalog.DefinitionChange;
import vn.kehoach.catalog.Definitions;
import vn.kehoach.comparison.FiveYearPlans;
import vn.kehoach.comparison.FiveYearRow;
import vn.kehoach.comparison.Selections;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.Reorganisation;
import vn.kehoach.orgunit.Reorganisations;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;
import vn.kehoach.security.Scopes;

/** REST access to reorganisations, definition changes and five-year progress; changes need an administrator. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Thời gian và địa giới", description = "Sắp xếp đơn vị hành chính, thay đổi định nghĩa chỉ tiêu, kế hoạch 5 năm")
class TerritoryApiController {

    private final Reorganisations reorganisations;
    private final Definitions definitions;
    private final FiveYearPlans plans;
    private final Actors actors;
    private final Scopes scopes;
    private final Selections selections;

    TerritoryApiController(Reorganisations reorganisations, Definitions definitions, FiveYearPlans plans, Actors actors,
                           Scopes scopes, Selections selections) {
        this.selections = selections;
        this.reorganisations = reorganisations;
        this.definitions = definitions;
        this.plans = plans;
        this.actors = actors;
        this.scopes = scopes;
    }

    /** A new unit made by a merge or a split. */
    record NewUnit(String code, String name, String kind, String parent) {
        OrgUnitDraft draft(LocalDate day) {
            return new OrgUnitDraft(code, name == null ? code : name, kind == null ? OrgUnitKind.COMMUNE
                    : OrgUnitKind.parse(kind), parent, day, null);
        }
    }

    record Merge(List<String> predecessors, NewUnit successor, LocalDate effectiveDate, String decision, String note,
                 Boolean illustrative) {
    }

    record Split(String predecessor, List<NewUnit> successors, Map<String, Map<String, BigDecimal>> shares,
                 LocalDate effectiveDate, String decision, String note, Boolean illustrative) {
    }

    record Definition(String figureCode, LocalDate effectiveDate, String description, String decision,
                      Boolean illustrative) {
    }

    record Change(String unit, String name, String parent, LocalDate effectiveDate, String decision, String note,
                  Boolean illustrative) {
    }

    @GetMapping("/reorganisations")
    @Operation(summary = "Các lần sắp xếp đơn vị hành chính, cũ trước, với quan hệ kế thừa")
    List<Reorganisation> list() {
        return reorganisations.list();
    }

    @PostMapping("/reorganisations/merge")
    @Operation(summary = "Sáp nhập: predecessors thành successor từ effectiveDate (quản trị)")
    Reorganisation merge(@RequestBody Merge m) {
        actors.checkRole(Role.ADMIN);
        require(m.successor() != null, "successor");
        return reorganisations.merge(m.predecessors() == null ? List.of() : m.predecessors(),
                m.successor().draft(m.effectiveDate()), m.effectiveDate(), m.decision(), m.note(),
                Boolean.TRUE.equals(m.illustrative()), actors.current().username());
    }

    @PostMapping("/reorganisations/split")
    @Operation(summary = "Chia tách, với tỷ lệ phân chia theo đơn vị mới → chỉ tiêu (\"*\": mọi chỉ tiêu) (quản trị)")
    Reorganisation split(@RequestBody Split s) {
        actors.checkRole(Role.ADMIN);
        require(s.successors() != null, "successors");
        return reorganisations.split(s.predecessor(), s.successors().stream().map(n -> n.draft(s.effectiveDate()))
                        .toList(), s.shares() == null ? Map.of() : s.shares(), s.effectiveDate(), s.decision(),
                s.note(), Boolean.TRUE.equals(s.illustrative()), actors.current().username());
    }

    @PostMapping("/reorganisations/rename")
    @Operation(summary = "Đổi tên (quản trị)")
    Reorganisation rename(@RequestBody Change c) {
        actors.checkRole(Role.ADMIN);
        return reorganisations.rename(c.unit(), c.name(), c.effectiveDate(), c.decision(), c.note(),
                Boolean.TRUE.equals(c.illustrative()), actors.current().username());
    }

    @PostMapping("/reorganisations/move")
    @Operation(summary = "Chuyển sang đơn vị cấp trên khác (quản trị)")
    Reorganisation move(@RequestBody Change c) {
        actors.checkRole(Role.ADMIN);
        return reorganisations.move(c.unit(), c.parent(), c.effectiveDate(), c.decision(), c.note(),
                Boolean.TRUE.equals(c.illustrative()), actors.current().username());
    }

    @PostMapping("/reorganisations/dissolve")
    @Operation(summary = "Kết thúc một cấp: cơ quan trực thuộc kết thúc, đơn vị hành chính chuyển lên cấp trên (quản trị)")
    Reorganisation dissolve(@RequestBody Change c) {
        actors.checkRole(Role.ADMIN);
        return reorganisations.dissolve(c.unit(), c.effectiveDate(), c.decision(), c.note(),
                Boolean.TRUE.equals(c.illustrative()), actors.current().username());
    }

    @GetMapping("/definitionChanges")
    @Operation(summary = "Các lần thay đổi định nghĩa chỉ tiêu")
    List<DefinitionChange> definitionChanges() {
        return definitions.all();
    }

    @PostMapping("/definitionChanges")
    @Operation(summary = "Ghi một lần thay đổi định nghĩa: so sánh qua ngày đó là không so sánh được (quản trị)")
    DefinitionChange saveDefinitionChange(@RequestBody Definition d) {
        actors.checkRole(Role.ADMIN);
        return definitions.save(new DefinitionChange(d.figureCode(), d.effectiveDate(), d.description(), d.decision(),
                Boolean.TRUE.equals(d.illustrative())), actors.current().username());
    }

    @GetMapping("/fiveYearProgress")
    @Operation(summary = "Tiến độ các chỉ tiêu kế hoạch 5 năm của đơn vị (period=2021-2025; mặc định: giai đoạn chứa"
            + " kỳ có số liệu gần nhất của đơn vị)")
    List<FiveYearRow> fiveYearProgress(@RequestParam String orgUnit, @RequestParam(required = false) String period) {
        OrgUnit unit = scopes.visible(orgUnit);
        Period plan = period == null || period.isBlank() ? selections.fiveYears(unit) : Period.parse(period);
        return plans.progress(unit, plan).stream().map(FiveYearRow::of).toList();
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new IllegalArgumentException("thiếu trường '" + field + "'");
        }
    }
}
