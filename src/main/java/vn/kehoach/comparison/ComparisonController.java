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
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;
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
            + "mọi kỳ có số liệu); level: mọi đơn vị ở cấp đó (số cấp như `kehoach unit list` in, 1 là gốc) dưới orgUnit; "
            + "figure: chỉ các chỉ tiêu này; base: kỳ gốc thay cho cùng kỳ năm trước; asOf: số liệu như vào cuối ngày yyyy-mm-dd")
    List<ComparisonRow> json(@RequestParam(required = false) String orgUnit,
                             @RequestParam(required = false) String period,
                             @RequestParam(required = false) String base,
                             @RequestParam(required = false) String asOf,
                             @RequestParam(required = false) Integer level,
                             @RequestParam(required = false) List<String> figure) {
        return rows(orgUnit, period, base, asOf, level, figure);
    }

    @GetMapping(produces = "text/csv")
    @Operation(summary = "Như trên, dạng CSV (Accept: text/csv hoặc ?format=csv)")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String orgUnit,
                               @RequestParam(required = false) String period,
                               @RequestParam(required = false) String base,
                               @RequestParam(required = false) String asOf,
                               @RequestParam(required = false) Integer level,
                               @RequestParam(required = false) List<String> figure) {
        return Csv.answer(ComparisonRow.csv(rows(orgUnit, period, base, asOf, level, figure)));
    }

    @GetMapping(params = "format=csv")
    ResponseEntity<byte[]> csvByParam(@RequestParam(required = false) String orgUnit,
                                      @RequestParam(required = false) String period,
                                      @RequestParam(required = false) String base,
                                      @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) Integer level,
                                      @RequestParam(required = false) List<String> figure) {
        return Csv.download(ComparisonRow.csv(rows(orgUnit, period, base, asOf, level, figure)), "so-sanh.csv");
    }

    private List<ComparisonRow> rows(String orgUnit, String period, String base, String asOf, Integer level,
                                     List<String> figures) {
        Period p = period == null ? null : Period.parse(period);
        Period b = base == null || base.isBlank() ? null : Period.parse(base);
        java.time.Instant at = AsOf.parse(asOf);
        if ((b != null || at != null) && (orgUnit == null || p == null)) {
            throw new IllegalArgumentException("base và asOf cần cả orgUnit và period");
        }
        List<String> codes = figures == null || figures.isEmpty() ? null : figures;
        List<ComparisonQuery> queries = new java.util.ArrayList<>();
        if (orgUnit != null) {
            OrgUnit unit = scopes.visible(orgUnit);
            if (level != null && level < unit.level()) {
                throw new LevelAbove(level, unit);
            }
            queries.add(level == null ? ComparisonQuery.of(unit, p) : ComparisonQuery.below(unit, level, p));
        } else {
            for (OrgUnit root : scopes.roots()) {
                // A scope below the level asked holds no unit at that level.
                if (level == null || level >= root.level()) {
                    queries.add(ComparisonQuery.below(root, level, p));
                }
            }
        }
        return queries.stream().flatMap(q -> engine.answer(q.base(b).asOf(at).figures(codes)).stream())
                .map(ComparisonRow::of).toList();
    }

    /** A level above the unit asked about: nothing of its subtree lies there. */
    private static final class LevelAbove extends IllegalArgumentException implements Refusal {

        private final int level;

        LevelAbove(int level, OrgUnit unit) {
            super("Cấp " + level + " nằm trên " + unit.name() + " (cấp " + unit.level() + "): chọn cấp từ "
                    + unit.level() + " trở xuống");
            this.level = level;
        }

        @Override
        public Problem problem() {
            return Problem.of(ProblemType.BAD_INPUT, getMessage()).at("level", String.valueOf(level));
        }
    }
}
