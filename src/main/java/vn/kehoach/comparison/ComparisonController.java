package vn.kehoach.comparison;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.period.Period;
import vn.kehoach.security.Scopes;

/** REST access to comparisons, as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/comparisons")
@Tag(name = "So sánh", description = "Thực hiện so với kế hoạch và cùng kỳ năm trước")
class ComparisonController {

    private final ComparisonEngine engine;
    private final Scopes scopes;

    ComparisonController(ComparisonEngine engine, Scopes scopes) {
        this.engine = engine;
        this.scopes = scopes;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "So sánh của một đơn vị và kỳ (không có đơn vị: mọi đơn vị trong phạm vi của người gọi; không có kỳ: mọi kỳ có số liệu)")
    List<ComparisonRow> json(@RequestParam(required = false) String orgUnit,
                             @RequestParam(required = false) String period) {
        return rows(orgUnit, period);
    }

    @GetMapping(produces = "text/csv")
    @Operation(summary = "Như trên, dạng CSV (Accept: text/csv hoặc ?format=csv)")
    ResponseEntity<String> csv(@RequestParam(required = false) String orgUnit,
                               @RequestParam(required = false) String period) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(ComparisonRow.csv(rows(orgUnit, period)));
    }

    @GetMapping(params = "format=csv")
    ResponseEntity<String> csvByParam(@RequestParam(required = false) String orgUnit,
                                      @RequestParam(required = false) String period) {
        return csv(orgUnit, period);
    }

    private List<ComparisonRow> rows(String orgUnit, String period) {
        Period p = period == null ? null : Period.parse(period);
        if (orgUnit != null) {
            return engine.compareAll(scopes.visible(orgUnit), p).stream().map(ComparisonRow::of).toList();
        }
        return scopes.roots().stream().flatMap(r -> engine.compareSubtree(r, p).stream()).map(ComparisonRow::of).toList();
    }
}
