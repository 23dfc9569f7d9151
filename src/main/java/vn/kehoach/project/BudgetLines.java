package vn.kehoach.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Place;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Figure;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.comparison.ComparisonQuery;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.security.Scopes;
import vn.kehoach.target.Issuer;

/**
 * The budget-line tree (cây thu, chi ngân sách) and the budget table it gives for a unit and period. The figures, the
 * estimates of every issuer and the percentages come from the {@link ComparisonEngine}, so the budget table and the
 * comparison table can never disagree.
 */
@Service
public class BudgetLines {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ComparisonEngine engine;
    private final Scopes scopes;
    private final Guard guard;
    private final MetadataAudit audit;

    public BudgetLines(JdbcClient jdbc, Catalog catalog, ComparisonEngine engine, Scopes scopes, Guard guard,
                       MetadataAudit audit) {
        this.guard = guard;
        this.audit = audit;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.engine = engine;
        this.scopes = scopes;
    }

    /** The lines in tree order: revenue then expenditure, each parent before its children, by sort order. */
    public List<BudgetLine> lines() {
        List<BudgetLine> all = jdbc.sql("select figure_code, side, parent_code, label, sort_order from budget_line")
                .query((rs, i) -> new BudgetLine(rs.getString(1), BudgetSide.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getInt(5))).list();
        Map<String, List<BudgetLine>> children = new HashMap<>();
        List<BudgetLine> roots = new ArrayList<>();
        for (BudgetLine l : all) {
            if (l.parentCode() == null) {
                roots.add(l);
            } else {
                children.computeIfAbsent(l.parentCode(), k -> new ArrayList<>()).add(l);
            }
        }
        Comparator<BudgetLine> order = Comparator.comparing(BudgetLine::side).thenComparingInt(BudgetLine::sortOrder)
                .thenComparing(BudgetLine::figureCode);
        roots.sort(order);
        List<BudgetLine> out = new ArrayList<>();
        for (BudgetLine r : roots) {
            walk(r, children, order, out);
        }
        return out;
    }

    /** Creates or replaces a line; its figure must be in the catalog and its parent a line of the same side. */
    @Transactional
    public BudgetLine save(BudgetLine line) {
        // The tree of budget lines is one for the whole database, like the catalog it places.
        guard.checkWrite(Resource.BUDGET, Place.WHOLE);
        BudgetLine before = lines().stream().filter(l -> l.figureCode().equals(line.figureCode())).findFirst()
                .orElse(null);
        Figure figure = catalog.figure(line.figureCode());
        if (line.parentCode() != null) {
            BudgetLine parent = lines().stream().filter(l -> l.figureCode().equals(line.parentCode())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("dòng ngân sách '" + line.figureCode()
                            + "': dòng cha '" + line.parentCode() + "' chưa có"));
            if (parent.side() != line.side()) {
                throw new IllegalArgumentException("dòng ngân sách '" + line.figureCode() + "' (" + line.side().label()
                        + ") không thể nằm dưới dòng '" + parent.figureCode() + "' (" + parent.side().label() + ")");
            }
            for (String up = parent.parentCode(); up != null; up = parentOf(up)) {
                if (up.equals(line.figureCode())) {
                    throw new IllegalArgumentException("dòng ngân sách '" + line.figureCode() + "': cây vòng tròn");
                }
            }
        }
        Map<String, Object> p = new HashMap<>();
        p.put("figure", line.figureCode());
        p.put("side", line.side().name());
        p.put("parent", line.parentCode());
        p.put("label", line.label());
        p.put("sort", line.sortOrder());
        int n = jdbc.sql("""
                update budget_line set side = :side, parent_code = :parent, label = :label, sort_order = :sort
                 where figure_code = :figure""").params(p).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into budget_line (figure_code, side, parent_code, label, sort_order)
                    values (:figure, :side, :parent, :label, :sort)""").params(p).update();
        }
        audit.record(MetadataChange.between(Area.CATALOG, null, line.figureCode(), "Dòng ngân sách " + (line.label() == null ? figure.name() : line.label()),
                before, line));
        return line;
    }

    /** The budget table of the unit for the period, if the actor may see the unit. */
    public BudgetTree tree(String unitCode, Period period) {
        OrgUnit unit = scopes.visible(unitCode);
        List<BudgetLine> lines = lines();
        Map<String, List<Comparison>> byFigure = new HashMap<>();
        for (Comparison c : engine.answer(ComparisonQuery.of(unit, period))) {
            byFigure.computeIfAbsent(c.figure().code(), k -> new ArrayList<>()).add(c);
        }
        Set<Issuer> issuers = EnumSet.noneOf(Issuer.class);
        Map<String, Integer> depth = new HashMap<>();
        List<BudgetRow> rows = new ArrayList<>();
        for (BudgetLine l : lines) {
            int d = l.parentCode() == null ? 0 : depth.getOrDefault(l.parentCode(), 0) + 1;
            depth.put(l.figureCode(), d);
            Figure figure = catalog.figure(l.figureCode());
            List<Comparison> cs = chosenView(byFigure.getOrDefault(l.figureCode(), List.of()));
            Comparison first = cs.isEmpty() ? null : cs.get(0);
            List<BudgetEstimate> estimates = new ArrayList<>();
            for (Comparison c : cs) {
                if (c.target() != null) {
                    issuers.add(c.target().issuer());
                    estimates.add(new BudgetEstimate(c.target().issuer(), c.target().value(), c.pctOfPlan(), c.status(),
                            c.target().illustrative(), c.target().decision(), c.dataNote()));
                }
            }
            rows.add(new BudgetRow(l, d, l.label() == null ? figure.name() : l.label(),
                    first == null || first.measure() == null ? figure.unitCode() : first.measure().symbol(),
                    figure.decimals(), figure.pctDecimals(), first == null ? null : first.kind(),
                    first == null ? null : first.actual(), first != null && first.illustrative(), estimates));
        }
        return new BudgetTree(unit.code(), unit.name(), period, List.copyOf(issuers), rows);
    }

    /** The actual lines when there are any, else the estimate lines, else the lines with a target only. */
    private static List<Comparison> chosenView(List<Comparison> cs) {
        for (ValueKind kind : new ValueKind[] {ValueKind.ACTUAL, ValueKind.ESTIMATE}) {
            List<Comparison> of = cs.stream().filter(c -> c.kind() == kind).toList();
            if (!of.isEmpty()) {
                return of;
            }
        }
        return cs;
    }

    private String parentOf(String code) {
        return jdbc.sql("select parent_code from budget_line where figure_code = :c").param("c", code)
                .query(String.class).optional().orElse(null);
    }

    private static void walk(BudgetLine line, Map<String, List<BudgetLine>> children, Comparator<BudgetLine> order,
                             List<BudgetLine> out) {
        out.add(line);
        List<BudgetLine> kids = new ArrayList<>(children.getOrDefault(line.figureCode(), List.of()));
        kids.sort(order);
        for (BudgetLine k : kids) {
            walk(k, children, order, out);
        }
    }
}
