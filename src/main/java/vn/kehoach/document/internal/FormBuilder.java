package vn.kehoach.document.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import vn.kehoach.catalog.Figure;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.document.internal.FormTable.FormCell;
import vn.kehoach.document.internal.FormTable.Formula;
import vn.kehoach.document.internal.FormTable.Header;
import vn.kehoach.document.internal.FormTable.Line;
import vn.kehoach.document.internal.Forms.Column;
import vn.kehoach.document.internal.Forms.Measure;
import vn.kehoach.document.spi.InvestmentLine;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;

/**
 * Computes the forms of a document from their configuration: every number is the comparison engine's, rounded as
 * {@code kehoach compare} prints it (values to the figure's decimals, percentages to its percentage decimals).
 */
final class FormBuilder {

    /** A cell without data, as officers leave one in a form: a dash, never a sentence and never a zero. */
    static final String NO_DATA = "-";
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    private static final MathContext MC = MathContext.DECIMAL64;

    private final Facts facts;
    private final DocumentView dv;
    private final List<InvestmentLine> projects;

    FormBuilder(Facts facts, DocumentView dv, List<InvestmentLine> projects) {
        this.facts = facts;
        this.dv = dv;
        this.projects = projects;
    }

    List<FormTable> build(Forms forms) {
        List<FormTable> out = new ArrayList<>();
        for (Forms.Form f : forms.forms()) {
            String where = "biểu " + f.code();
            List<FormTable.Section> sections = new ArrayList<>();
            boolean[] illustrative = {false};
            for (Forms.Table t : f.tables()) {
                sections.add(section(where, t, illustrative));
            }
            out.add(new FormTable(f.code(), Sentences.text(where, f.title(), dv), Sentences.text(where, f.subtitle(), dv),
                    Sentences.text(where, f.unitNote(), dv), sections, illustrative[0]));
        }
        return out;
    }

    private FormTable.Section section(String where, Forms.Table t, boolean[] illustrative) {
        List<Header> headers = t.columns().stream().map(c -> new Header(Sentences.text(where, c.header(), dv),
                c.group() == null ? null : Sentences.text(where, c.group(), dv), width(c), numeric(c.value()))).toList();
        List<Line> lines = new ArrayList<>();
        Map<Integer, Forms.Row> totals = new HashMap<>();
        int headings = 0;
        int number = 0;
        for (Forms.Row r : t.rows()) {
            if (r.heading() != null) {
                headings++;
                number = 0;
                String roman = headings <= ROMAN.length ? ROMAN[headings - 1] : String.valueOf(headings);
                List<FormCell> cells = new ArrayList<>();
                for (Column c : t.columns()) {
                    cells.add(switch (c.value()) {
                        case ROW_NUMBER -> FormCell.text(roman);
                        case LABEL -> FormCell.text(Sentences.text(where, r.heading(), dv));
                        default -> FormCell.EMPTY;
                    });
                }
                lines.add(new Line(true, cells));
            } else if (r.units() != null) {
                for (OrgUnit u : facts.children(r.kinds())) {
                    lines.add(new Line(false, cells(t, ++number, u, r, u.name(), illustrative)));
                }
            } else if (r.projects() != null) {
                for (InvestmentLine p : projects) {
                    if (r.projects() == Outline.ProjectList.HANDED_OVER && p.handedOver() == null) {
                        continue;
                    }
                    lines.add(new Line(false, projectCells(t, ++number, p)));
                }
            } else {
                // A row's own label may speak of the unit's level: "Bình quân {{whole}} (tiêu chí/xã)".
                String label = r.label() == null ? null : Sentences.text(where, r.label(), dv);
                if (r.total() != null) {
                    totals.put(lines.size(), r);
                }
                lines.add(new Line(false, cells(t, ++number, facts.unit, r, label, illustrative)));
            }
        }
        List<Formula> formulas = formulas(t, lines, totals);
        return new FormTable.Section(t.heading() == null ? null : Sentences.text(where, t.heading(), dv), headers, lines,
                formulas);
    }

    /**
     * The cells a spreadsheet can compute from the table's own cells: each total row's values (SUM or AVERAGE of
     * its detail rows), then every percentage (% of plan, % of the same period last year, a RATIO column). A cell
     * gets its formula only where the formula, computed on the printed numbers, gives the number the comparison
     * engine printed (the engine divides unrounded values, so a last digit can differ: such a cell keeps its
     * value); a total row without a figure of its own gets the formula's result.
     */
    private static List<Formula> formulas(Forms.Table t, List<Line> lines, Map<Integer, Forms.Row> totals) {
        List<Formula> out = new ArrayList<>();
        List<Column> cols = t.columns();
        for (Map.Entry<Integer, Forms.Row> e : totals.entrySet()) {
            int at = e.getKey();
            List<Integer> details = details(lines, totals, at, e.getValue().over());
            if (details.isEmpty()) {
                continue;
            }
            Formula.Kind kind = e.getValue().total() == Forms.Total.SUM ? Formula.Kind.SUM : Formula.Kind.AVERAGE;
            for (int ci = 0; ci < cols.size(); ci++) {
                Measure m = cols.get(ci).value();
                if (m != Measure.PLAN && m != Measure.ACTUAL && m != Measure.PREVIOUS && m != Measure.CHANGE) {
                    continue;
                }
                List<Formula.Ref> refs = new ArrayList<>();
                BigDecimal sum = BigDecimal.ZERO;
                int decimals = 0;
                boolean illustrative = false;
                for (int li : details) {
                    FormCell d = lines.get(li).cells().get(ci);
                    if (!d.isNumber()) {
                        refs = null;
                        break;
                    }
                    refs.add(new Formula.Ref(li, ci));
                    sum = sum.add(d.number());
                    decimals = Math.max(decimals, d.decimals());
                    illustrative |= d.illustrative();
                }
                if (refs == null) {
                    continue;
                }
                BigDecimal value = kind == Formula.Kind.SUM ? sum : sum.divide(BigDecimal.valueOf(refs.size()), MC);
                FormCell own = lines.get(at).cells().get(ci);
                if (own.isNumber() ? Numbers.round(value, own.decimals()).compareTo(own.number()) == 0 : isBlank(own)) {
                    if (!own.isNumber()) {
                        set(lines, at, ci, FormCell.number(Numbers.round(value, decimals), decimals, illustrative));
                    }
                    out.add(new Formula(at, ci, kind, refs));
                }
            }
        }
        for (int li = 0; li < lines.size(); li++) {
            if (lines.get(li).heading()) {
                continue;
            }
            for (int ci = 0; ci < cols.size(); ci++) {
                Column c = cols.get(ci);
                int a;
                int b;
                switch (c.value()) {
                    case PCT_OF_PLAN -> {
                        a = find(cols, Measure.ACTUAL, c, false);
                        b = find(cols, Measure.PLAN, c, true);
                    }
                    case PCT_VS_PREVIOUS -> {
                        a = find(cols, Measure.ACTUAL, c, false);
                        b = find(cols, Measure.PREVIOUS, c, false);
                    }
                    case RATIO -> {
                        a = byId(cols, c.of().isEmpty() ? null : c.of().get(0));
                        b = byId(cols, c.of().size() < 2 ? null : c.of().get(1));
                    }
                    default -> {
                        continue;
                    }
                }
                if (a < 0 || b < 0) {
                    continue;
                }
                FormCell x = lines.get(li).cells().get(a);
                FormCell y = lines.get(li).cells().get(b);
                FormCell own = lines.get(li).cells().get(ci);
                if (!x.isNumber() || !y.isNumber() || y.number().signum() == 0) {
                    continue;
                }
                BigDecimal pct = x.number().multiply(BigDecimal.valueOf(100)).divide(y.number(), MC);
                boolean total = totals.containsKey(li);
                if (own.isNumber() ? Numbers.round(pct, own.decimals()).compareTo(own.number()) == 0 : total && isBlank(own)) {
                    if (!own.isNumber()) {
                        set(lines, li, ci, FormCell.number(Numbers.round(pct, 1), 1, x.illustrative() || y.illustrative()));
                    }
                    out.add(new Formula(li, ci, Formula.Kind.PERCENT, List.of(new Formula.Ref(li, a), new Formula.Ref(li, b))));
                }
            }
        }
        return out;
    }

    /** The detail rows of the total at {@code at}: up or down to a heading, another total or the table's edge. */
    private static List<Integer> details(List<Line> lines, Map<Integer, Forms.Row> totals, int at, Forms.Over over) {
        List<Integer> out = new ArrayList<>();
        int step = over == Forms.Over.BELOW ? 1 : -1;
        for (int li = at + step; li >= 0 && li < lines.size(); li += step) {
            if (lines.get(li).heading() || totals.containsKey(li)) {
                break;
            }
            out.add(li);
        }
        out.sort(null);
        return out;
    }

    private static boolean isBlank(FormCell c) {
        return !c.isNumber() && !c.missing() && (c.text() == null || c.text().isEmpty());
    }

    private static void set(List<Line> lines, int li, int ci, FormCell cell) {
        List<FormCell> cells = new ArrayList<>(lines.get(li).cells());
        cells.set(ci, cell);
        lines.set(li, new Line(lines.get(li).heading(), cells));
    }

    /** The column of measure {@code m} for the same figure role and period as {@code like} (and issuer, for a plan). */
    private static int find(List<Column> cols, Measure m, Column like, boolean sameIssuer) {
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            if (c.value() == m && Objects.equals(c.role(), like.role()) && c.period() == like.period()
                    && Objects.equals(c.figure(), like.figure()) && (!sameIssuer || Objects.equals(c.issuer(), like.issuer()))) {
                return i;
            }
        }
        return -1;
    }

    private static int byId(List<Column> cols, String id) {
        for (int i = 0; id != null && i < cols.size(); i++) {
            if (id.equals(cols.get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    private static int width(Column c) {
        if (c.width() != null) {
            return c.width();
        }
        return switch (c.value()) {
            case ROW_NUMBER -> 5;
            case LABEL -> 40;
            case UNIT -> 10;
            case ISSUER, STATUS -> 12;
            case NOTE -> 20;
            default -> 12;
        };
    }

    private static boolean numeric(Measure m) {
        return switch (m) {
            case PLAN, ACTUAL, PCT_OF_PLAN, PREVIOUS, PCT_VS_PREVIOUS, CHANGE, RATIO -> true;
            default -> false;
        };
    }

    private List<FormCell> cells(Forms.Table t, int number, OrgUnit unit, Forms.Row r, String label, boolean[] illustrative) {
        List<FormCell> cells = new ArrayList<>();
        Map<String, FormCell> byId = new HashMap<>();
        for (Column c : t.columns()) {
            FormCell cell = cell(c, number, unit, r, label, byId);
            if (cell.illustrative()) {
                illustrative[0] = true;
            }
            if (c.id() != null) {
                byId.put(c.id(), cell);
            }
            cells.add(cell);
        }
        return cells;
    }

    private FormCell cell(Column c, int number, OrgUnit unit, Forms.Row r, String label, Map<String, FormCell> byId) {
        String code = c.figure() != null ? c.figure() : r.figureFor(c.role());
        String main = r.figureFor("main") != null ? r.figureFor("main") : code;
        switch (c.value()) {
            case ROW_NUMBER:
                return FormCell.text(String.valueOf(number));
            case LABEL:
                return FormCell.text(label != null ? label : main == null ? "" : facts.figure(main).name());
            case UNIT:
                return FormCell.text(main == null ? "" : facts.unitSymbol(facts.figure(main)));
            case NOTE:
                return FormCell.text(r.note() == null ? "" : r.note());
            case RATIO:
                return ratio(c, byId, main);
            default:
                break;
        }
        if (code == null) {
            return FormCell.EMPTY;
        }
        Figure f = facts.figure(code);
        Period p = c.period() == Forms.When.REPORT ? facts.report : facts.planYear;
        Comparison x = pick(unit, code, p, c.issuer(), r.issuer());
        if (x == null) {
            return c.value() == Measure.ACTUAL ? FormCell.missing(NO_DATA) : FormCell.EMPTY;
        }
        Target target = x.target();
        int d = f.decimals();
        int pd = f.pctDecimals();
        return switch (c.value()) {
            case PLAN -> target == null ? FormCell.EMPTY : FormCell.number(Numbers.round(target.value(), d), d, target.illustrative());
            case ACTUAL -> x.actual() == null ? FormCell.missing(NO_DATA) : FormCell.number(Numbers.round(x.actual(), d), d, x.illustrative());
            // A computed number carries no illustrative mark, in the forms as in prose (FigureView.ILLUSTRATIVE_MARK).
            case PCT_OF_PLAN -> FormCell.number(x.pctOfPlanRounded(), pd, false);
            case PREVIOUS -> FormCell.number(Numbers.round(x.previous(), d), d, x.previousIllustrative());
            case PCT_VS_PREVIOUS -> FormCell.number(x.pctVsPreviousRounded(), pd, false);
            case CHANGE -> FormCell.number(Numbers.round(x.changeVsPrevious(), d), d, false);
            case ISSUER -> FormCell.text(target == null ? "" : target.issuer().shortLabel());
            case STATUS -> x.status() == vn.kehoach.comparison.Status.NO_DATA ? FormCell.missing(NO_DATA)
                    : FormCell.text(x.status() == null ? "" : x.status().label());
            default -> FormCell.EMPTY;
        };
    }

    /**
     * The comparison a cell reads: the estimate view first; against the column's issuer's target only (a column of
     * the province's estimates stays empty where the province set none), else the row's preferred issuer's, else the
     * first.
     */
    private Comparison pick(OrgUnit unit, String code, Period p, String issuer, String preferred) {
        List<Comparison> mine = facts.comparisons(unit, p).stream().filter(x -> x.figure().code().equals(code)).toList();
        if (mine.isEmpty()) {
            return null;
        }
        List<Comparison> estimate = mine.stream().filter(x -> x.kind() == ValueKind.ESTIMATE).toList();
        List<Comparison> actual = mine.stream().filter(x -> x.kind() == ValueKind.ACTUAL).toList();
        List<Comparison> chosen = !estimate.isEmpty() ? estimate : !actual.isEmpty() ? actual : mine;
        if (issuer == null) {
            if (preferred != null) {
                Issuer wanted = Issuer.parse(preferred);
                return chosen.stream().filter(x -> x.target() != null && x.target().issuer() == wanted).findFirst()
                        .orElse(chosen.get(0));
            }
            return chosen.get(0);
        }
        Issuer wanted = Issuer.parse(issuer);
        // A column for one issuer's target shows nothing for a figure that issuer set no target for.
        return chosen.stream().filter(x -> x.target() != null && x.target().issuer() == wanted).findFirst()
                .orElseGet(() -> {
                    Comparison any = chosen.get(0);
                    return new Comparison(any.unit(), any.figure(), any.measure(), any.period(), any.kind(), any.actual(),
                            any.illustrative(), null, null, any.previous(), any.previousIllustrative(),
                            any.pctVsPrevious(), any.changeVsPrevious(), null, any.basePeriod(), any.notComparable());
                });
    }

    private FormCell ratio(Column c, Map<String, FormCell> byId, String main) {
        FormCell a = byId.get(c.of().get(0));
        FormCell b = byId.get(c.of().get(1));
        if (a == null || b == null || !a.isNumber() || !b.isNumber() || b.number().signum() == 0) {
            return FormCell.EMPTY;
        }
        int pd = main == null ? 1 : facts.figure(main).pctDecimals();
        BigDecimal pct = a.number().multiply(BigDecimal.valueOf(100)).divide(b.number(), MC);
        return FormCell.number(Numbers.round(pct, pd), pd, false);
    }

    /** A project's row: its name, capital, disbursement and their ratio, in tỷ đồng to three decimals. */
    private List<FormCell> projectCells(Forms.Table t, int number, InvestmentLine p) {
        List<FormCell> cells = new ArrayList<>();
        Map<String, FormCell> byId = new HashMap<>();
        for (Column c : t.columns()) {
            FormCell cell = switch (c.value()) {
                case ROW_NUMBER -> FormCell.text(String.valueOf(number));
                case LABEL -> FormCell.text(p.name());
                case UNIT -> FormCell.text("tỷ đồng");
                case PLAN -> FormCell.number(Numbers.round(p.allocated(), 3), 3, false);
                case ACTUAL -> p.disbursed() == null ? FormCell.missing(NO_DATA) : FormCell.number(Numbers.round(p.disbursed(), 3), 3, false);
                case PCT_OF_PLAN -> p.allocated() == null || p.disbursed() == null || p.allocated().signum() == 0 ? FormCell.EMPTY
                        : FormCell.number(Numbers.round(p.disbursed().multiply(BigDecimal.valueOf(100)).divide(p.allocated(), MC), 1), 1, false);
                case NOTE -> FormCell.text(p.note() != null ? p.note()
                        : p.handedOver() != null ? "Bàn giao " + Numbers.vi().date(p.handedOver()) : "");
                case RATIO -> ratio(c, byId, null);
                default -> FormCell.EMPTY;
            };
            if (c.id() != null) {
                byId.put(c.id(), cell);
            }
            cells.add(cell);
        }
        return cells;
    }
}
