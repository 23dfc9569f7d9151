package vn.kehoach.comparison;

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
import vn.kehoach.format.Csv;

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
    @Operation(summary = "So sánh của một đơn vị và kỳ (không có đơn vị: mọi đơn vị trong phạm vi của người gọi; không có kỳ: "
            + "mọi kỳ có số liệu); base: kỳ gốc thay cho cùng kỳ năm trước; asOf: số liệu như vào cuối ngày yyyy-mm-dd")
    List<ComparisonRow> json(@RequestParam(required = false) String orgUnit,
                             @RequestParam(required = false) String period,
                             @RequestParam(required = false) String base,
                             @RequestParam(required = false) String asOf) {
        return rows(orgUnit, period, base, asOf);
    }

    @GetMapping(produces = "text/csv")
    @Operation(summary = "Như trên, dạng CSV (Accept: text/csv hoặc ?format=csv)")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String orgUnit,
                               @RequestParam(required = false) String period,
                               @RequestParam(required = false) String base,
                               @RequestParam(required = false) String asOf) {
        return Csv.answer(ComparisonRow.csv(rows(orgUnit, period, base, asOf)));
    }

    @GetMapping(params = "format=csv")
    ResponseEntity<byte[]> csvByParam(@RequestParam(required = false) String orgUnit,
                                      @RequestParam(required = false) String period,
                                      @RequestParam(required = false) String base,
                                      @RequestParam(required = false) String asOf) {
        return Csv.download(ComparisonRow.csv(rows(orgUnit, period, base, asOf)), "so-sanh.csv");
    }

    private List<ComparisonRow> rows(String orgUnit, String period, String base, String asOf) {
        Period p = period == null ? null : Period.parse(period);
        if ((base != null && !base.isBlank()) || (asOf != null && !asOf.isBlank())) {
            if (orgUnit == null || p == null) {
                throw new IllegalArgumentException("base và asOf cần cả orgUnit và period");
            }
            Period b = base == null || base.isBlank() ? null : Period.parse(base);
            return engine.compare(scopes.visible(orgUnit), List.of(p), b, AsOf.parse(asOf)).stream()
                    .map(ComparisonRow::of).toList();
        }
        if (orgUnit != null) {
            return engine.compareAll(scopes.visible(orgUnit), p).stream().map(ComparisonRow::of).toList();
        }
        return scopes.roots().stream().flatMap(r -> engine.compareSubtree(r, p).stream()).map(ComparisonRow::of).toList();
    }
}
