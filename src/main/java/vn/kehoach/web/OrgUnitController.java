package vn.kehoach.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Scopes;

/** Read-only REST access to the org-unit tree, within the caller's subtree. */
@RestController
@RequestMapping("/api/v1/orgUnits")
@Tag(name = "Đơn vị", description = "Cây đơn vị hành chính và cơ quan báo cáo")
class OrgUnitController {

    private final OrgUnits orgUnits;
    private final Scopes scopes;

    OrgUnitController(OrgUnits orgUnits, Scopes scopes) {
        this.orgUnits = orgUnits;
        this.scopes = scopes;
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
