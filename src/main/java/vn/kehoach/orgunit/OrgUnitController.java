package vn.kehoach.orgunit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Read-only REST access to the org-unit tree. */
@RestController
@RequestMapping("/api/v1/orgUnits")
@Tag(name = "Đơn vị", description = "Cây đơn vị hành chính và cơ quan báo cáo")
class OrgUnitController {

    private final OrgUnits orgUnits;

    OrgUnitController(OrgUnits orgUnits) {
        this.orgUnits = orgUnits;
    }

    @GetMapping
    @Operation(summary = "Mọi đơn vị theo thứ tự cây, hoặc cây con của một đơn vị (?root=HALANG)")
    List<OrgUnit> list(@RequestParam(required = false) String root) {
        return root == null ? orgUnits.all() : orgUnits.subtree(orgUnits.require(root));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Một đơn vị theo mã")
    OrgUnit one(@PathVariable String code) {
        return orgUnits.require(code);
    }

    @GetMapping("/{code}/children")
    @Operation(summary = "Các đơn vị trực thuộc")
    List<OrgUnit> children(@PathVariable String code) {
        return orgUnits.children(orgUnits.require(code));
    }
}
