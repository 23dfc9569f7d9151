package vn.kehoach.datavalue;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.security.Scopes;

/** Read-only REST access to stored data values and their audit trail. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Số liệu", description = "Số liệu đã lưu (không tổng hợp) và nhật ký thay đổi")
class DataValueController {

    private final DataValues dataValues;
    private final Scopes scopes;

    DataValueController(DataValues dataValues, Scopes scopes) {
        this.dataValues = dataValues;
        this.scopes = scopes;
    }

    @GetMapping("/dataValues")
    @Operation(summary = "Số liệu đã lưu, lọc theo đơn vị (children=true: cả cây con), kỳ và chỉ tiêu")
    List<DataValue> list(@RequestParam(required = false) String orgUnit,
                         @RequestParam(required = false) String period,
                         @RequestParam(required = false) String element,
                         @RequestParam(defaultValue = "false") boolean children) {
        Period p = period == null ? null : Period.parse(period);
        if (orgUnit != null) {
            return dataValues.list(scopes.visible(orgUnit), children, p, element);
        }
        return scopes.roots().stream().flatMap(r -> dataValues.list(r, true, p, element).stream()).toList();
    }

    @GetMapping("/audit/dataValues")
    @Operation(summary = "Nhật ký thay đổi số liệu, mới nhất trước")
    List<AuditEntry> audit(@RequestParam(required = false) String element,
                           @RequestParam(required = false) String orgUnit,
                           @RequestParam(required = false) String period,
                           @RequestParam(defaultValue = "200") int limit) {
        Period p = period == null ? null : Period.parse(period);
        if (orgUnit != null) {
            scopes.visible(orgUnit);
            return dataValues.history(element, orgUnit, p, limit);
        }
        OrgUnit home = scopes.home();
        return home == null ? List.of() : dataValues.history(element, home.code(), p, limit);
    }
}
