package vn.kehoach.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.audit.Area;
import vn.kehoach.audit.AuditQuery;
import vn.kehoach.audit.AuditRecord;
import vn.kehoach.audit.Source;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.security.Scopes;

/** The audit trail over REST: the same search as the page, as JSON. */
@RestController
@Tag(name = "Nhật ký", description = "Mọi thay đổi số liệu, chỉ tiêu kế hoạch, phê duyệt, văn bản, danh mục, biểu mẫu, quy tắc, đơn vị, dự án, nhiệm vụ, người dùng và token")
class AuditTrailApiController {

    private final AuditTrailController page;
    private final Scopes scopes;

    AuditTrailApiController(AuditTrailController page, Scopes scopes) {
        this.page = page;
        this.scopes = scopes;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Nhật ký thay đổi trong cây đơn vị của người gọi, mới nhất trước; lọc theo loại (area: DOCUMENT, CATALOG, USER…), đơn vị, người, kỳ, mã, nguồn, ngày (yyyy-mm-dd) và chữ")
    List<AuditRecord> search(@RequestParam(required = false) String orgUnit, @RequestParam(required = false) String user,
                             @RequestParam(required = false) String period, @RequestParam(required = false) String code,
                             @RequestParam(required = false) Source source,
                             @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                             @RequestParam(required = false) String q, @RequestParam(required = false) Area area,
                             @RequestParam(defaultValue = "200") int limit) {
        OrgUnit root = orgUnit == null ? scopes.home() : scopes.visible(orgUnit);
        if (root == null) {
            return List.of();
        }
        return page.search(new AuditQuery(root.path(), user, period, code, source, AuditTrailController.startOf(from),
                to == null ? null : AuditTrailController.startOf(to.plusDays(1)), q, limit, area));
    }
}
