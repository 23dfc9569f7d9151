package vn.kehoach.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.Reorganisation;
import vn.kehoach.orgunit.Reorganisations;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;

/**
 * REST access to the org-unit tree within the caller's subtree: reading, creating a unit under a parent, and the
 * rename, move and end of a unit, each a dated reorganisation record (the same as {@code /api/v1/reorganisations/…})
 * so that lineage stays whole. Who may do what is decided in the services.
 */
@RestController
@RequestMapping("/api/v1/orgUnits")
@Tag(name = "Đơn vị", description = "Cây đơn vị hành chính và cơ quan báo cáo")
class OrgUnitController {

    private final OrgUnits orgUnits;
    private final Scopes scopes;

    private final Reorganisations reorganisations;
    private final Actors actors;

    OrgUnitController(OrgUnits orgUnits, Scopes scopes, Reorganisations reorganisations, Actors actors) {
        this.orgUnits = orgUnits;
        this.scopes = scopes;
        this.reorganisations = reorganisations;
        this.actors = actors;
    }

    /** A new unit: kind by its name (COMMUNE, WARD, VILLAGE, AGENCY…) or Vietnamese label. */
    record NewUnit(String code, String name, String kind, String parent, LocalDate validFrom) {
    }

    /** A dated change of one unit: the new name (rename) or parent (move), with its decision. */
    record UnitChange(String name, String parent, LocalDate effectiveDate, String decision, String note,
                      Boolean illustrative) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm một đơn vị dưới đơn vị cấp trên trong phạm vi của người gọi (quản trị)")
    OrgUnit create(@RequestBody NewUnit u) {
        if (u.kind() == null || u.kind().isBlank()) {
            throw new IllegalArgumentException("thiếu trường 'kind'");
        }
        return orgUnits.create(new OrgUnitDraft(u.code(), u.name(), OrgUnitKind.parse(u.kind()), u.parent(),
                u.validFrom(), null));
    }

    @PostMapping("/{code}/rename")
    @Operation(summary = "Đổi tên từ effectiveDate; tên cũ giữ trong lịch sử (quản trị ở đơn vị cấp trên)")
    Reorganisation rename(@PathVariable String code, @RequestBody UnitChange c) {
        return reorganisations.rename(code, c.name(), c.effectiveDate(), c.decision(), c.note(),
                Boolean.TRUE.equals(c.illustrative()), actors.current().username());
    }

    @PostMapping("/{code}/move")
    @Operation(summary = "Chuyển sang đơn vị cấp trên khác (parent) từ effectiveDate (quản trị ở cả hai nơi)")
    Reorganisation move(@PathVariable String code, @RequestBody UnitChange c) {
        return reorganisations.move(code, c.parent(), c.effectiveDate(), c.decision(), c.note(),
                Boolean.TRUE.equals(c.illustrative()), actors.current().username());
    }

    @PostMapping("/{code}/end")
    @Operation(summary = "Kết thúc đơn vị từ effectiveDate: cơ quan trực thuộc kết thúc, đơn vị hành chính trực thuộc "
            + "chuyển lên cấp trên (giải thể, quản trị)")
    Reorganisation end(@PathVariable String code, @RequestBody UnitChange c) {
        return reorganisations.dissolve(code, c.effectiveDate(), c.decision(), c.note(),
                Boolean.TRUE.equals(c.illustrative()), actors.current().username());
    }

    @GetMapping
    @Operation(summary = "Các đơn vị trong phạm vi của người gọi, theo thứ tự cây, hoặc cây con của một đơn vị (?root=HALANG)")
    List<OrgUnit> list(@RequestParam(required = false) String root) {
        if (root == null) {
            return scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList();
        }
        return orgUnits.subtree(scopes.visible(root));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Một đơn vị theo mã")
    OrgUnit one(@PathVariable String code) {
        return scopes.visible(code);
    }

    @GetMapping("/{code}/children")
    @Operation(summary = "Các đơn vị trực thuộc")
    List<OrgUnit> children(@PathVariable String code) {
        return orgUnits.children(scopes.visible(code));
    }
}
