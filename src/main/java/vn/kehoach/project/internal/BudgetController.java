package vn.kehoach.project.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.period.Period;
import vn.kehoach.project.BudgetLine;
import vn.kehoach.project.BudgetLineRow;
import vn.kehoach.project.BudgetLines;
import vn.kehoach.project.BudgetSide;
import vn.kehoach.security.Scopes;
import vn.kehoach.format.Csv;

/** REST access to the budget table: each line, its actual and each issuer's estimate with % of plan. */
@RestController
@RequestMapping("/api/v1/budget")
@Tag(name = "Ngân sách", description = "Thu, chi ngân sách theo cây dòng ngân sách, so với dự toán của từng cấp giao")
class BudgetController {

    /** A budget line as sent; the sort order may be left out (0), the side given by name or label. */
    record LineJson(String figureCode, String side, String parentCode, String label, Integer sortOrder) {
    }

    private final BudgetLines budget;
    private final Scopes scopes;

    BudgetController(BudgetLines budget, Scopes scopes) {
        this.budget = budget;
        this.scopes = scopes;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Bảng ngân sách của một đơn vị và kỳ: mỗi dòng × mỗi cấp giao dự toán")
    List<BudgetLineRow> json(@RequestParam(required = false) String orgUnit, @RequestParam String period) {
        return BudgetLineRow.of(budget.tree(orgUnit != null ? orgUnit : scopes.home().code(), Period.parse(period)));
    }

    @GetMapping(produces = "text/csv")
    @Operation(summary = "Như trên, dạng CSV (Accept: text/csv hoặc ?format=csv)")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String orgUnit, @RequestParam String period) {
        return Csv.answer(BudgetLineRow.csv(json(orgUnit, period)));
    }

    @GetMapping(value = "/lines", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cây dòng ngân sách: mỗi dòng (figureCode, side, parentCode, label, sortOrder) theo thứ tự cây")
    List<BudgetLine> lines() {
        return budget.lines();
    }

    /** Creates or replaces a budget line: 201 when new, 200 when it replaces the line of the same figure. */
    @PostMapping(value = "/lines", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tạo hoặc sửa một dòng ngân sách: figureCode (chỉ tiêu trong danh mục), side (REVENUE/EXPENDITURE), "
            + "parentCode, label, sortOrder. Dự toán của từng cấp giao là chỉ tiêu kế hoạch: POST /api/v1/targets")
    ResponseEntity<BudgetLine> saveLine(@RequestBody LineJson sent) {
        BudgetLine line = new BudgetLine(sent.figureCode(), sent.side() == null ? null : BudgetSide.parse(sent.side()),
                sent.parentCode(), sent.label(), sent.sortOrder() == null ? 0 : sent.sortOrder());
        boolean existed = budget.lines().stream().anyMatch(l -> l.figureCode().equals(line.figureCode()));
        BudgetLine saved = budget.save(line);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(saved);
    }

    @GetMapping(params = "format=csv")
    ResponseEntity<byte[]> csvByParam(@RequestParam(required = false) String orgUnit, @RequestParam String period) {
        return Csv.download(BudgetLineRow.csv(json(orgUnit, period)), "ngan-sach.csv");
    }
}
