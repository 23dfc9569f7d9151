package vn.kehoach.target;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.audit.Source;
import vn.kehoach.format.Numbers;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;

/** REST access to plan targets: read, set and delete (planners and administrators over the unit), the sum check. */
@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "Chỉ tiêu kế hoạch", description = "Chỉ tiêu được giao: cấp giao, hướng, quyết định; kiểm tra phân bổ")
class TargetController {

    /** A whole grid sent at once: its cells as typed (Vietnamese numbers, "8–9", "> 2.300", "≤ 18"). */
    record GridInput(String orgUnit, String year, String status, java.util.Map<Issuer, String> decisions,
                     List<TargetGrid.Cell> cells) {
    }

    /** How many cells a grid save stored or cleared. */
    record GridSaved(String orgUnit, String year, int saved) {
    }

    private final Targets targets;
    private final TargetChecks checks;
    private final TargetGrid grids;
    private final Scopes scopes;
    private final Actors actors;

    TargetController(Targets targets, TargetChecks checks, TargetGrid grids, Scopes scopes, Actors actors) {
        this.grids = grids;
        this.targets = targets;
        this.checks = checks;
        this.scopes = scopes;
        this.actors = actors;
    }

    @GetMapping
    @Operation(summary = "Chỉ tiêu kế hoạch, lọc theo đơn vị, kỳ và chỉ tiêu")
    List<Target> list(@RequestParam(required = false) String orgUnit,
                      @RequestParam(required = false) String period,
                      @RequestParam(required = false) String figure) {
        Period p = period == null ? null : Period.parse(period);
        if (orgUnit != null) {
            return targets.list(scopes.visible(orgUnit), p, figure);
        }
        return scopes.roots().stream().flatMap(r -> targets.listInSubtree(r, p, figure).stream()).toList();
    }

    /**
     * Sets a target: 201 with the stored target when it is new, 200 when it replaces the target of the same figure,
     * unit, period and issuer. Numbers in the machine form (JSON numbers, or text with a dot decimal: "8.5").
     */
    @PostMapping
    @Operation(summary = "Giao (hoặc sửa) một chỉ tiêu: figureCode, orgUnitCode, period, value; issuer mặc định là HĐND "
            + "cấp của đơn vị; số dạng máy (8.5). Chỉ người lập kế hoạch, quản trị của đơn vị hoặc cấp trên")
    ResponseEntity<Target> save(@RequestBody TargetInput input) {
        Target target = targets.read(input, Numbers::parseMachine);
        boolean existed = targets.find(target.figureCode(), target.orgUnitCode(), target.period(), target.issuer())
                .isPresent();
        Target stored = targets.save(target, actors.current().username(), Source.API);
        URI location = UriComponentsBuilder.fromPath("/api/v1/targets").queryParam("orgUnit", stored.orgUnitCode())
                .queryParam("period", stored.period().id()).queryParam("figure", stored.figureCode()).build().toUri();
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).location(location).body(stored);
    }

    /**
     * Saves a target grid of a unit and year: every cell read first, the first bad one refused with its figure and
     * issuer named and nothing stored; otherwise all stored (blank text clears a cell) in one transaction.
     */
    @PostMapping("/grid")
    @Operation(summary = "Lưu bảng giao chỉ tiêu của một đơn vị, một năm: cells [{figureCode, issuer, text}] với text "
            + "kiểu Việt Nam (7.220; 8–9; > 2.300; ≤ 18; trống: xóa); decisions {issuer: văn bản}. Một ô sai: không "
            + "lưu gì, lỗi nêu chỉ tiêu và cấp giao")
    GridSaved saveGrid(@RequestBody GridInput input) {
        var unit = scopes.visible(input.orgUnit());
        Period year;
        try {
            year = Period.parse(input.year() == null ? "" : input.year().strip());
        } catch (IllegalArgumentException e) {
            throw new TargetInputException("year", input.year(), e.getMessage() + " (year)");
        }
        int n = grids.save(unit, year, input.status(), input.decisions(),
                input.cells() == null ? List.of() : input.cells(), actors.current().username(), Source.API);
        return new GridSaved(unit.code(), year.id(), n);
    }

    /** Deletes one target (planners and administrators over the unit): 204, or 404 when there is none. */
    @DeleteMapping
    @Operation(summary = "Xóa một chỉ tiêu (figure, orgUnit, period, issuer); giá trị cũ được giữ trong nhật ký")
    ResponseEntity<Void> delete(@RequestParam String figure, @RequestParam String orgUnit, @RequestParam String period,
                                @RequestParam String issuer) {
        Issuer i;
        try {
            i = Issuer.parse(issuer);
        } catch (IllegalArgumentException e) {
            throw new TargetInputException("issuer", issuer, e.getMessage());
        }
        targets.delete(figure, orgUnit, Period.parse(period), i, actors.current().username(), Source.API);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/check")
    @Operation(summary = "Kiểm tra phân bổ: chỉ tiêu của đơn vị so với tổng (hoặc tỷ số tính lại) chỉ tiêu các đơn vị "
            + "trực thuộc cùng kỳ; outcome MATCH, MISMATCH, UNCHECKABLE, NOT_ALLOCATED")
    List<SumCheck> check(@RequestParam String orgUnit, @RequestParam String period) {
        return checks.check(scopes.visible(orgUnit), Period.parse(period));
    }
}
