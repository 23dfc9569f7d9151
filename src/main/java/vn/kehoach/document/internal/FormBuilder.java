package vn.kehoach.document.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.kehoach.catalog.Figure;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.document.internal.FormTable.FormCell;
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
                lines.add(new Line(false, cells(t, ++number, facts.unit, r, r.label(), illustrative)));
            }
        }
        return new FormTable.Section(t.heading() == null ? null : Sentences.text(where, t.heading(), dv), headers, lines);
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
