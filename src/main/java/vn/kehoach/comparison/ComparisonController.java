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
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/** REST access to comparisons, as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/comparisons")
@Tag(name = "So sánh", description = "Thực hiện so với kế hoạch và cùng kỳ năm trước")
class ComparisonController {

    private final ComparisonEngine engine;
    private final OrgUnits orgUnits;

    ComparisonController(ComparisonEngine engine, OrgUnits orgUnits) {
        this.engine = engine;
        this.orgUnits = orgUnits;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "So sánh của một đơn vị và kỳ (không có thì mọi so sánh trong cơ sở dữ liệu)")
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
        return engine.compareAll(orgUnit == null ? null : orgUnits.require(orgUnit),
                period == null ? null : Period.parse(period)).stream().map(ComparisonRow::of).toList();
    }
}
