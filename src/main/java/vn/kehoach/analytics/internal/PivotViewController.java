package vn.kehoach.analytics.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.analytics.PivotViews;
import vn.kehoach.analytics.PivotViews.PivotView;

/** {@code /api/v1/analytics/views}: saved pivot tables (yêu thích), the user's own and those shared with them. */
@RestController
@Tag(name = "Phân tích", description = "Bảng tổng hợp đã lưu")
class PivotViewController {

    private final PivotViews views;

    PivotViewController(PivotViews views) {
        this.views = views;
    }

    /** A view to save: its name, whether it is shared, and the page parameters (figure, orgUnit, period…). */
    record NewView(String name, Boolean shared, Map<String, String> definition) {
    }

    @GetMapping("/api/v1/analytics/views")
    @Operation(summary = "Các bảng tổng hợp đã lưu người dùng được xem: của mình và những bảng dùng chung trong phạm vi")
    List<PivotView> list() {
        return views.visible();
    }

    @PostMapping("/api/v1/analytics/views")
    @Operation(summary = "Lưu một bảng tổng hợp: name, shared, definition (tham số của trang: figure, orgUnit, level, "
            + "period, periodType, kind, rows, columns, totals, ref)")
    ResponseEntity<PivotView> create(@RequestBody NewView v) {
        Map<String, String> def = v.definition() == null ? Map.of() : new LinkedHashMap<>(v.definition());
        PivotView saved = views.save(v.name(), def.get("orgUnit"), def, Boolean.TRUE.equals(v.shared()));
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @GetMapping("/api/v1/analytics/views/{id}")
    ResponseEntity<PivotView> one(@PathVariable long id) {
        return views.find(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
    }

    @DeleteMapping("/api/v1/analytics/views/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        return views.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
