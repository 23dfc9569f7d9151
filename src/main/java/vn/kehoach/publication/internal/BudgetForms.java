package vn.kehoach.publication.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.period.Period;
import vn.kehoach.project.BudgetEstimate;
import vn.kehoach.project.BudgetLines;
import vn.kehoach.project.BudgetRow;
import vn.kehoach.project.BudgetSide;
import vn.kehoach.project.BudgetTree;
import vn.kehoach.publication.BudgetDisclosure;
import vn.kehoach.target.Issuer;

/**
 * Fills the budget disclosure forms of Thông tư 343/2016/TT-BTC (công khai ngân sách) from the budget-line tree,
 * read through the comparison engine ({@link BudgetLines#tree}). For a district the forms are those the Circular
 * gives for the district's estimate decided by its council: Biểu số 69/CK-NSNN "Cân đối ngân sách huyện", Biểu số
 * 71/CK-NSNN "Dự toán thu ngân sách nhà nước" and Biểu số 72/CK-NSNN "Dự toán chi ngân sách huyện, chi ngân sách cấp
 * huyện và chi ngân sách xã theo cơ cấu chi"; other levels get the same three tables under their plain titles (their
 * numbers in the Circular are not checked yet, see docs/publication.md). KeHoach holds the lines of its budget tree,
 * not the Circular's full chart of lines, so each form lists the tree's lines of its side.
 * <p>
 * Columns: the previous year's estimate (the unit's own council's, else another issuer's, named in the cell), the
 * actual of the plan's report period and its % of that estimate, and the plan year's estimate.
 */
@Component
public class BudgetForms {

    private final BudgetLines budget;

    public BudgetForms(BudgetLines budget) {
        this.budget = budget;
    }

    public BudgetDisclosure disclosure(OrgUnit unit, Period reportPeriod, int year) {
        BudgetTree done = budget.tree(unit.code(), reportPeriod);
        BudgetTree next = budget.tree(unit.code(), Period.year(year));
        Map<String, BudgetRow> nextRows = new HashMap<>();
        next.rows().forEach(r -> nextRows.put(r.line().figureCode(), r));
        Optional<Issuer> own = Issuer.defaultFor(unit.kind());
        boolean district = unit.kind() == OrgUnitKind.DISTRICT;
        int before = reportPeriod.year();
        List<String> columns = List.of("Dự toán năm " + before + (own.isPresent() ? " (" + own.get().label() + ")" : ""),
                "Thực hiện " + reportPeriod.label(), "So sánh thực hiện với dự toán (%)", "Dự toán năm " + year);
        List<BudgetDisclosure.Form> forms = new ArrayList<>();
        forms.add(new BudgetDisclosure.Form(district ? "Biểu số 69/CK-NSNN" : "",
                (district ? "Cân đối ngân sách huyện" : "Cân đối ngân sách") + " năm " + year, columns,
                lines(done, nextRows, own, r -> r.depth() == 0)));
        forms.add(new BudgetDisclosure.Form(district ? "Biểu số 71/CK-NSNN" : "",
                "Dự toán thu ngân sách nhà nước năm " + year, columns,
                lines(done, nextRows, own, r -> r.line().side() == BudgetSide.REVENUE)));
        forms.add(new BudgetDisclosure.Form(district ? "Biểu số 72/CK-NSNN" : "",
                (district ? "Dự toán chi ngân sách huyện, chi ngân sách cấp huyện và chi ngân sách xã theo cơ cấu chi"
                        : "Dự toán chi ngân sách") + " năm " + year, columns,
                lines(done, nextRows, own, r -> r.line().side() == BudgetSide.EXPENDITURE)));
        List<String> notes = new ArrayList<>();
        notes.add("Số liệu lấy từ cây thu, chi ngân sách của KeHoach (các dòng đã thiết lập), không phải toàn bộ "
                + "các dòng của mẫu biểu trong Thông tư 343/2016/TT-BTC.");
        notes.add("Dự toán của cấp khác cấp mình được ghi rõ cấp giao trong ô.");
        return new BudgetDisclosure(unit.name(), year, forms, notes);
    }

    private static List<BudgetDisclosure.Line> lines(BudgetTree done, Map<String, BudgetRow> next,
                                                     Optional<Issuer> own, Predicate<BudgetRow> which) {
        Numbers vi = Numbers.vi();
        List<BudgetDisclosure.Line> out = new ArrayList<>();
        int[] counters = new int[8];
        for (BudgetRow r : done.rows()) {
            if (!which.test(r)) {
                continue;
            }
            int depth = Math.min(r.depth(), counters.length - 1);
            counters[depth]++;
            Arrays.fill(counters, depth + 1, counters.length, 0);
            StringBuilder order = new StringBuilder();
            for (int d = 0; d <= depth; d++) {
                order.append(d == 0 ? "" : ".").append(Math.max(counters[d], 1));
            }
            Optional<BudgetEstimate> planned = chosen(r, own);
            BudgetRow n = next.get(r.line().figureCode());
            Optional<BudgetEstimate> coming = n == null ? Optional.empty() : chosen(n, own);
            BigDecimal pct = planned.map(BudgetEstimate::pctOfPlan).orElse(null);
            out.add(new BudgetDisclosure.Line(order.toString(), r.name(), r.depth(), r.unitSymbol(), List.of(
                    planned.map(e -> amount(e, r, own)).orElse(""),
                    r.actual() == null ? "" : vi.format(r.actual(), r.decimals()),
                    pct == null ? "" : vi.percent(pct, r.pctDecimals()),
                    coming.map(e -> amount(e, n, own)).orElse("")),
                    // The numbers as printed (rounded half-up to the figure's decimals), so a spreadsheet shows
                    // 68,74 where the page does, not a binary 68,7349….
                    Arrays.asList(Numbers.round(planned.map(BudgetEstimate::estimate).orElse(null), r.decimals()),
                            Numbers.round(r.actual(), r.decimals()), Numbers.round(pct, r.pctDecimals()),
                            Numbers.round(coming.map(BudgetEstimate::estimate).orElse(null), n == null ? 0 : n.decimals()))));
        }
        return out;
    }

    /** The unit's own council's estimate when there is one, else the first issuer's. */
    private static Optional<BudgetEstimate> chosen(BudgetRow r, Optional<Issuer> own) {
        return own.flatMap(r::estimate).or(() -> r.estimates().stream().findFirst());
    }

    private static String amount(BudgetEstimate e, BudgetRow r, Optional<Issuer> own) {
        String n = Numbers.vi().format(e.estimate(), r.decimals());
        return own.isPresent() && own.get() == e.issuer() ? n : n + " (" + e.issuer().shortLabel() + ")";
    }
}
