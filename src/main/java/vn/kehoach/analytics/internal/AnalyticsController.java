package vn.kehoach.analytics.internal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.analytics.Analytics;
import vn.kehoach.analytics.AnalyticsQuery;
import vn.kehoach.analytics.Pivot;
import vn.kehoach.format.Csv;
import vn.kehoach.security.Scopes;

/** {@code GET /api/v1/analytics}: a pivot table as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Phân tích", description = "Bảng tổng hợp theo chỉ tiêu, đơn vị (mọi cấp), kỳ (mọi loại) và loại số liệu")
class AnalyticsController {

    private final Analytics analytics;
    private final Scopes scopes;

    AnalyticsController(Analytics analytics, Scopes scopes) {
        this.analytics = analytics;
        this.scopes = scopes;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Bảng tổng hợp: figure, orgUnit, period là danh sách cách nhau bởi dấu phẩy; level (cấp trong "
            + "cây, 1 là gốc) thay mỗi đơn vị bằng các đơn vị cấp đó bên dưới; periodType (MONTHLY, QUARTERLY…) chia "
            + "mỗi kỳ; kind: ACTUAL, ESTIMATE; rows, columns: figure, orgUnit, period, kind")
    Pivot json(@ModelAttribute @Parameter(hidden = true) PivotRequest request) {
        return pivot(request);
    }

    @GetMapping(produces = "text/csv")
    @Operation(summary = "Như trên, dạng CSV (Accept: text/csv hoặc ?format=csv)")
    ResponseEntity<byte[]> csv(@ModelAttribute @Parameter(hidden = true) PivotRequest request) {
        return Csv.answer(TableFiles.csv(PivotRequest.table("Bảng tổng hợp", pivot(request))));
    }

    @GetMapping(params = "format=csv")
    ResponseEntity<byte[]> csvByParam(@ModelAttribute PivotRequest request) {
        return Csv.download(TableFiles.csv(PivotRequest.table("Bảng tổng hợp", pivot(request))), "bang-tong-hop.csv");
    }

    private Pivot pivot(PivotRequest request) {
        AnalyticsQuery q = request.query();
        q.orgUnits().forEach(scopes::visible);
        return analytics.pivot(q);
    }
}
