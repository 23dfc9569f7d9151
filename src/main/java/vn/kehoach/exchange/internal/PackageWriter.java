package vn.kehoach.exchange.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.MissingValues;
import vn.kehoach.catalog.Polarity;
import vn.kehoach.catalog.Sector;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.catalog.ValueType;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.exchange.Change;
import vn.kehoach.exchange.ImportError;
import vn.kehoach.exchange.ImportException;
import vn.kehoach.exchange.ImportReport;
import vn.kehoach.exchange.internal.Table.Line;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.target.Basis;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;
import vn.kehoach.target.TargetStatus;
import vn.kehoach.target.Targets;
import vn.kehoach.validation.ValidationRule;
import vn.kehoach.validation.ValidationRules;
import vn.kehoach.validation.Violation;

/**
 * Writes the tables of one import, whatever format they were read from, in dependency order (units, sectors,
 * org units, elements, indicators, values, targets), through the modules' own write paths ({@code Catalog},
 * {@code OrgUnits}, {@code DataValues.save}, {@code Targets.save}). The caller holds the transaction: any error
 * and it rolls everything back. Each line is checked against the acting user's scope and roles, and each value
 * or target that changes is recorded with its old and new value for the preview.
 */
@Component
public class PackageWriter {

    private static final Logger log = LoggerFactory.getLogger(PackageWriter.class);

    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final DataValues dataValues;
    private final Targets targets;
    private final Guard guard;
    private final MetadataAudit audit;
    private final ValidationRules rules;

    public PackageWriter(Catalog catalog, OrgUnits orgUnits, DataValues dataValues, Targets targets, Guard guard,
                         MetadataAudit audit, ValidationRules rules) {
        this.rules = rules;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.dataValues = dataValues;
        this.targets = targets;
        this.guard = guard;
        this.audit = audit;
    }

    /**
     * Applies the tables; throws {@link ImportException} with every error (the caller's transaction must then
     * roll back). {@code changes} receives what changed, in file order.
     */
    public ImportReport apply(List<Table> tables, String user, Source source, List<ImportError> errors,
                              List<Change> changes) {
        return apply(tables, user, source, errors, changes, new ArrayList<>());
    }

    /**
     * Applies the tables as {@link #apply(List, String, Source, List, List)} does; the values stored are checked
     * against the validation rules as entry checks them: a failure of a HIGH rule is an error at the value's place
     * (the part is refused), a lesser one goes to {@code warnings}.
     */
    public ImportReport apply(List<Table> tables, String user, Source source, List<ImportError> errors,
                              List<Change> changes, List<ImportError> warnings) {
        if (!errors.isEmpty()) {
            throw new ImportException(errors);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Table> ordered = new ArrayList<>(tables);
        ordered.sort(Comparator.comparing(Table::kind));
        for (Table table : ordered) {
            int n = audit.during(source, user, () -> apply(table, user, source, errors, changes, warnings));
            counts.merge(table.kind().label, n, Integer::sum);
        }
        if (!errors.isEmpty()) {
            throw new ImportException(errors);
        }
        return new ImportReport(counts);
    }

    private int apply(Table table, String user, Source source, List<ImportError> errors, List<Change> changes,
                      List<ImportError> warnings) {
        TableKind kind = table.kind();
        List<Written> written = new ArrayList<>();
        int count = 0;
        int order = 0;
        List<Pending> pending = new ArrayList<>();
        for (Line line : table.lines()) {
            order += 10;
            if (table.binding() != null && line.text("value") == null) {
                continue;
            }
            if (table.binding() != null && kind == TableKind.VALUES && unchangedEstimate(line)) {
                // A template for actual figures shows the estimate where there is no actual yet: left as it was, it is
                // still an estimate and is not stored as the actual figure.
                continue;
            }
            int before = errors.size();
            try {
                Runnable write = switch (kind) {
                    case UNITS -> unit(line, changes);
                    case SECTORS -> sector(line, order, changes);
                    case ORG_UNITS -> orgUnit(line, changes);
                    case ELEMENTS -> element(line, order, changes);
                    case INDICATORS -> indicator(line, order, changes);
                    case VALUES -> value(line, user, source, changes, written);
                    case TARGETS -> target(line, user, source, changes);
                };
                if (errors.size() == before && write != null) {
                    Pending p = new Pending(key(line), line, write);
                    // Catalog lines may need the lines above them stored (a unit's parent): those are written at once.
                    if (kind == TableKind.VALUES || kind == TableKind.TARGETS) {
                        pending.add(p);
                    } else if (write(table, p, errors)) {
                        count++;
                    }
                }
            } catch (IllegalArgumentException | OutOfScopeException e) {
                table.error(line, null, e.getMessage());
            }
        }
        // Every import writes its cells in one order (the key's), so two imports of overlapping cells wait for each
        // other instead of deadlocking; the sort is stable, so a cell's repeated lines keep their file order.
        pending.sort(Comparator.comparing(Pending::key));
        for (Pending p : pending) {
            if (write(table, p, errors)) {
                count++;
            }
        }
        if (!written.isEmpty() && errors.isEmpty()) {
            check(table, written, warnings);
        }
        return count;
    }

    /** True for a template's line for an actual figure still holding the estimate the template showed in it. */
    private static boolean unchangedEstimate(Line l) {
        String estimate = l.text("estimate");
        String value = l.text("value");
        if (estimate == null || value == null || !"ACTUAL".equalsIgnoreCase(String.valueOf(l.text("kind")))) {
            return false;
        }
        BigDecimal e = Numbers.parseMachine(estimate);
        BigDecimal v = Numbers.parseMachine(value);
        if (v == null) {
            v = Numbers.vi().parse(value);
        }
        return e != null && v != null && e.compareTo(v) == 0;
    }

    /** A value this table stored, and the line it came from. */
    private record Written(OrgUnit unit, Period period, ValueKind kind, String element, Line line) {
    }

    /**
     * The stored values against the validation rules that read them, unit by unit and period by period, as data
     * entry checks a form: HIGH failures become errors at the value's place, naming the rule and both sides' figures.
     */
    private void check(Table table, List<Written> written, List<ImportError> warnings) {
        List<ValidationRule> all = rules.all();
        if (all.isEmpty()) {
            return;
        }
        Map<String, List<Written>> groups = new LinkedHashMap<>();
        for (Written w : written) {
            groups.computeIfAbsent(w.unit().id() + "|" + w.period().id() + "|" + w.kind(), k -> new ArrayList<>()).add(w);
        }
        for (List<Written> group : groups.values()) {
            java.util.Set<String> codes = new java.util.LinkedHashSet<>();
            group.forEach(w -> codes.add(w.element()));
            List<ValidationRule> touching = all.stream()
                    .filter(r -> r.unitElements().stream().anyMatch(codes::contains)).toList();
            if (touching.isEmpty()) {
                continue;
            }
            Written first = group.get(0);
            for (Violation v : rules.checkWritten(first.unit(), first.period(), first.kind(), codes, touching)) {
                Written at = group.stream().filter(w -> w.element().equals(v.primaryElement())).findFirst()
                        .orElse(group.stream().filter(w -> v.concerns(w.element())).findFirst().orElse(first));
                String message = v.message() + " (quy tắc " + v.ruleCode() + ", mức " + v.importance().label()
                        + "): " + v.detail() + " — " + at.unit().name() + ", kỳ " + at.period().id() + ", "
                        + at.kind().label();
                if (v.importance().blocksSubmission()) {
                    table.error(at.line(), "value", message);
                } else {
                    warnings.add(table.place(at.line().number(), "value", message));
                }
            }
        }
    }

    /** A checked line's write, kept until the table's lines are all read. */
    private record Pending(String key, Line line, Runnable write) {
    }

    private static String key(Line l) {
        StringBuilder key = new StringBuilder();
        for (String column : List.of("org_unit", "element", "figure", "period", "kind", "issuer")) {
            String v = l.text(column);
            key.append(v == null ? "" : v.toUpperCase(java.util.Locale.ROOT)).append('|');
        }
        return key.toString();
    }

    private boolean write(Table table, Pending p, List<ImportError> errors) {
        try {
            p.write().run();
            return true;
        } catch (DataAccessException e) {
            if (ConflictException.concurrent(e)) {
                // Another import wrote the same rows at the same moment: the caller runs the file again.
                throw e;
            }
            // The database's own words are for the log; the person gets the place and what to do.
            log.error("Nhập {}: lỗi cơ sở dữ liệu", table.file(), e);
            table.error(p.line(), null, "lỗi cơ sở dữ liệu khi lưu dòng này; chưa lưu gì của tệp. Hãy thử lại; "
                    + "nếu vẫn lỗi, báo quản trị viên (chi tiết trong nhật ký máy chủ)");
            throw new ImportException(errors);
        } catch (ConflictException e) {
            throw e;
        } catch (IllegalArgumentException | OutOfScopeException e) {
            table.error(p.line(), null, e.getMessage());
            return false;
        }
    }

    private Runnable unit(Line l, List<Change> changes) {
        String code = l.required("code");
        String name = l.required("name");
        String symbol = l.required("symbol");
        String dimension = l.required("dimension");
        BigDecimal factor = l.number("factor", true);
        if (code == null || name == null || symbol == null || dimension == null || factor == null) {
            return null;
        }
        MeasureUnit unit = new MeasureUnit(code.toUpperCase(), name, symbol, dimension, factor);
        Optional<MeasureUnit> existing = catalog.findUnit(unit.code());
        if (existing.isPresent() && existing.get().name().equals(name) && existing.get().symbol().equals(symbol)
                && existing.get().dimension().equals(dimension) && existing.get().factor().compareTo(factor) == 0) {
            return null;
        }
        if (existing.isEmpty()) {
            changes.add(created(l, TableKind.UNITS, name + " (" + unit.code() + ")"));
        }
        return () -> catalog.saveUnit(unit);
    }

    private Runnable sector(Line l, int order, List<Change> changes) {
        String code = l.required("code");
        String name = l.required("name");
        Integer sort = l.integer("order", order);
        if (code == null || name == null || sort == null) {
            return null;
        }
        Sector sector = new Sector(code.toUpperCase(), name, l.text("field"), sort);
        Optional<Sector> existing = catalog.findSector(sector.code());
        if (existing.equals(Optional.of(sector))) {
            return null;
        }
        if (existing.isEmpty()) {
            changes.add(created(l, TableKind.SECTORS, name + " (" + sector.code() + ")"));
        }
        return () -> catalog.saveSector(sector);
    }

    private Runnable orgUnit(Line l, List<Change> changes) {
        String code = l.required("code");
        String name = l.required("name");
        OrgUnitKind kind = l.choice("kind", OrgUnitKind::parse, true);
        var from = l.date("valid_from");
        var to = l.date("valid_to");
        if (code == null || name == null || kind == null) {
            return null;
        }
        Optional<OrgUnit> existing = orgUnits.find(code);
        // A row without dates keeps the unit's own: an end date set by a reorganisation is not erased by a file
        // that does not mention it.
        OrgUnitDraft draft = new OrgUnitDraft(code, name, kind, l.text("parent"),
                from != null ? from : existing.map(OrgUnit::validFrom).orElse(null),
                to != null ? to : existing.map(OrgUnit::validTo).orElse(null));
        if (existing.isPresent() && unchanged(existing.get(), draft)) {
            return null;
        }
        if (existing.isEmpty()) {
            changes.add(created(l, TableKind.ORG_UNITS, name + " (" + draft.code() + ")"));
        }
        return () -> orgUnits.save(draft);
    }

    /** True when the row says what the unit already is: nothing to write, and nothing to be allowed. */
    private static boolean unchanged(OrgUnit u, OrgUnitDraft d) {
        return u.name().equals(d.name()) && u.kind() == d.kind()
                && Objects.equals(u.parentCode(), d.parentCode())
                && Objects.equals(u.validFrom(), d.validFrom()) && Objects.equals(u.validTo(), d.validTo());
    }

    private Runnable element(Line l, int order, List<Change> changes) {
        String code = l.required("code");
        String name = l.required("name");
        String unit = l.required("unit");
        ValueType type = l.choice("value_type", t -> ValueType.valueOf(t.toUpperCase()), true);
        TreeAggregation tree = l.choice("tree_aggregation", t -> TreeAggregation.valueOf(t.toUpperCase()), true);
        TimeAggregation time = l.choice("time_aggregation", t -> TimeAggregation.valueOf(t.toUpperCase()), true);
        Polarity polarity = l.choice("polarity", PackageWriter::polarity, false);
        Integer decimals = l.integer("decimals", 0);
        Integer pct = l.integer("pct_decimals", 1);
        Integer sort = l.integer("order", order);
        if (code == null || name == null || unit == null || type == null || tree == null || time == null
                || decimals == null || pct == null || sort == null) {
            return null;
        }
        Optional<DataElement> existing = catalog.findElement(code.toUpperCase());
        // A file without the range columns keeps the range set on the catalog page; a blank cell removes a bound.
        BigDecimal min = l.has("min_value") ? l.number("min_value", false) : existing.map(DataElement::minValue).orElse(null);
        BigDecimal max = l.has("max_value") ? l.number("max_value", false) : existing.map(DataElement::maxValue).orElse(null);
        if (min != null && max != null && min.compareTo(max) > 0) {
            l.errorAt("min_value", "giá trị nhỏ nhất " + Numbers.vi().format(min) + " lớn hơn giá trị lớn nhất "
                    + Numbers.vi().format(max));
            return null;
        }
        DataElement e = new DataElement(existing.map(DataElement::id).orElse(0L), code.toUpperCase(), name, unit.toUpperCase(), type, tree, time,
                upper(l.text("weight_element")), polarity, upper(l.text("sector")), upper(l.text("agency")), decimals,
                pct, sort, l.text("description"), min, max);
        if (existing.equals(Optional.of(e))) {
            return null;
        }
        if (existing.isEmpty()) {
            changes.add(created(l, TableKind.ELEMENTS, name + " (" + e.code() + ")"));
        }
        return () -> catalog.saveElement(e);
    }

    private Runnable indicator(Line l, int order, List<Change> changes) {
        String code = l.required("code");
        String name = l.required("name");
        String unit = l.required("unit");
        String formula = l.required("formula");
        Polarity polarity = l.choice("polarity", PackageWriter::polarity, false);
        MissingValues missing = l.choice("missing", t -> t == null ? MissingValues.SKIP_IF_ANY_MISSING
                : MissingValues.valueOf(t.toUpperCase()), false);
        Integer decimals = l.integer("decimals", 1);
        Integer pct = l.integer("pct_decimals", 1);
        Integer sort = l.integer("order", order);
        if (code == null || name == null || unit == null || formula == null || decimals == null || pct == null
                || sort == null || missing == null) {
            return null;
        }
        Optional<Indicator> existing = catalog.indicators().stream().filter(i -> i.code().equalsIgnoreCase(code))
                .findFirst();
        Indicator ind = new Indicator(existing.map(Indicator::id).orElse(0L), code.toUpperCase(), name, unit.toUpperCase(), formula, polarity,
                upper(l.text("sector")), decimals, pct, missing, sort, l.text("description"));
        if (existing.equals(Optional.of(ind))) {
            return null;
        }
        if (catalog.findFigure(ind.code()).isEmpty()) {
            changes.add(created(l, TableKind.INDICATORS, name + " (" + ind.code() + ")"));
        }
        return () -> catalog.saveIndicator(ind);
    }

    private Runnable value(Line l, String user, Source source, List<Change> changes, List<Written> written) {
        String element = l.required("element");
        String unit = l.required("org_unit");
        Period period = l.period("period", "thiếu kỳ của số liệu");
        ValueKind kind = l.choice("kind", ValueKind::parse, false);
        BigDecimal value = l.number("value", true);
        boolean illustrative = l.flag("illustrative");
        java.time.Instant reportedAt = l.reportedAt("reported_on");
        if (element == null || unit == null || period == null || kind == null || value == null
                || (reportedAt == null && l.text("reported_on") != null)) {
            return null;
        }
        Figure figure = catalog.findElement(element).orElse(null);
        if (figure == null) {
            l.errorUnknown("element", "chỉ tiêu", element);
            return null;
        }
        OrgUnit orgUnit = orgUnits.find(unit).orElse(null);
        if (orgUnit == null) {
            l.errorUnknown("org_unit", "đơn vị", unit);
            return null;
        }
        Table.Binding binding = l.table().binding();
        if (binding != null && !binding.orgUnitCode().equalsIgnoreCase(orgUnit.code())) {
            String own = orgUnits.find(binding.orgUnitCode()).map(OrgUnit::name).orElse(binding.orgUnitCode());
            l.errorAt("org_unit", "dòng này thuộc " + orgUnit.name() + " (" + orgUnit.code()
                    + "), không phải đơn vị của biểu mẫu là " + own + " (" + binding.orgUnitCode()
                    + "); hãy dùng biểu mẫu của đúng đơn vị");
            return null;
        }
        if (binding != null && !binding.period().equals(period)) {
            l.errorAt("period", "dòng này thuộc kỳ " + period.id() + ", không phải kỳ của biểu mẫu là "
                    + binding.period().id());
            return null;
        }
        // The values' own rule, asked before the row is converted, so the refusal is named at the unit's cell.
        try {
            guard.checkWrite(Resource.VALUE, orgUnit.place());
        } catch (OutOfScopeException e) {
            l.errorAt("org_unit", e.getMessage());
            return null;
        }
        BigDecimal converted = converted(l, figure, value);
        if (converted == null) {
            return null;
        }
        String comment = l.text("comment");
        Optional<DataValue> old = dataValues.find(figure.code(), orgUnit.code(), period, kind);
        if (l.table().keepsIllustrative()) {
            // The format has no illustrative mark: an unchanged value keeps its own, a new figure is a real one.
            illustrative = old.isPresent() && old.get().value().compareTo(converted) == 0 && old.get().illustrative();
        }
        DataValueWrite w = new DataValueWrite(figure.code(), orgUnit.code(), period, kind, converted, comment,
                illustrative, null, reportedAt);
        boolean same = old.isPresent() && old.get().value().compareTo(converted) == 0
                && Objects.equals(old.get().comment(), comment) && old.get().illustrative() == illustrative
                && (reportedAt == null || reportedAt.equals(old.get().reportedAt()));
        if (!same) {
            String subject = figure.name() + " (" + figure.code() + ") — " + orgUnit.name() + " — " + period.id() + ", "
                    + kind.label();
            changes.add(new Change(placeOf(l, "value"), TableKind.VALUES.label, subject,
                    old.map(v -> describe(v.value(), v.comment(), v.illustrative())).orElse("—"),
                    describe(converted, comment, illustrative, reportedAt)));
        }
        return () -> {
            dataValues.save(w, user, source);
            if (!same) {
                written.add(new Written(orgUnit, period, kind, figure.code(), l));
            }
        };
    }

    private Runnable target(Line l, String user, Source source, List<Change> changes) {
        String code = l.required("figure");
        String unit = l.required("org_unit");
        Period period = l.period("period", "chỉ tiêu kế hoạch phải có năm (kỳ), ví dụ 2022");
        Issuer issuer = l.choice("issuer", Issuer::parse, true);
        Direction direction = l.choice("direction", Direction::parse, false);
        Basis basis = l.choice("basis", Basis::parse, false);
        TargetStatus status = l.choice("status", TargetStatus::parse, false);
        BigDecimal value = l.number("value", true);
        BigDecimal high = l.number("value_high", false);
        boolean illustrative = l.flag("illustrative");
        if (code == null || unit == null || period == null || issuer == null || direction == null || basis == null
                || status == null || value == null) {
            return null;
        }
        Figure figure = catalog.findFigure(code).orElse(null);
        if (figure == null) {
            l.errorUnknown("figure", "chỉ tiêu", code);
            return null;
        }
        OrgUnit orgUnit = orgUnits.find(unit).orElse(null);
        if (orgUnit == null) {
            l.errorUnknown("org_unit", "đơn vị", unit);
            return null;
        }
        try {
            guard.checkWrite(Resource.TARGET, orgUnit.place());
        } catch (OutOfScopeException e) {
            l.errorAt("org_unit", e.getMessage());
            return null;
        }
        BigDecimal converted = basis == Basis.LEVEL || basis == Basis.CHANGE ? converted(l, figure, value) : value;
        BigDecimal convertedHigh = high == null || basis == Basis.GROWTH_PCT ? high : converted(l, figure, high);
        if (converted == null) {
            return null;
        }
        Target t = new Target(figure.code(), orgUnit.code(), period, issuer, direction, basis, converted, convertedHigh,
                status, l.text("decision"), l.text("wording"), l.text("note"), illustrative);
        Optional<Target> old = targets.find(figure.code(), orgUnit.code(), period, issuer);
        if (old.isEmpty() || !old.get().equals(normal(t))) {
            String subject = figure.name() + " (" + figure.code() + ") — " + orgUnit.name() + " — " + period.id() + ", "
                    + issuer.label();
            changes.add(new Change(placeOf(l, "value"), TableKind.TARGETS.label, subject,
                    old.map(PackageWriter::describe).orElse("—"), describe(t)));
        }
        return () -> targets.save(t, user, source);
    }

    private BigDecimal converted(Line l, Figure figure, BigDecimal value) {
        try {
            return catalog.toFigureUnit(figure, value, l.text("unit"));
        } catch (IllegalArgumentException e) {
            l.errorAt("unit", e.getMessage());
            return null;
        }
    }

    private static Change created(Line l, TableKind kind, String subject) {
        return new Change(placeOf(l, null), kind.label, subject, "—", "thêm mới");
    }

    private static String placeOf(Line l, String column) {
        return l.table().place(l.number(), column, "").place();
    }

    private static Target normal(Target t) {
        return new Target(t.figureCode(), t.orgUnitCode(), t.period(), t.issuer(), t.direction(), t.basis(),
                Numbers.normal(t.value()), Numbers.normal(t.valueHigh()), t.status(), t.decision(), t.wording(), t.note(),
                t.illustrative());
    }

    private static String describe(BigDecimal value, String comment, boolean illustrative) {
        return Numbers.vi().format(value) + (illustrative ? " (minh họa)" : "")
                + (comment == null ? "" : " — ghi chú: " + comment);
    }

    private static String describe(BigDecimal value, String comment, boolean illustrative, java.time.Instant reported) {
        return describe(value, comment, illustrative) + (reported == null ? "" : " — báo cáo ngày "
                + Numbers.vi().date(vn.kehoach.datavalue.VintageDate.day(reported)));
    }

    private static String describe(Target t) {
        return t.direction().symbol() + " " + Numbers.vi().format(t.value())
                + (t.valueHigh() == null ? "" : " – " + Numbers.vi().format(t.valueHigh()))
                + (t.basis() == Basis.LEVEL ? "" : " (" + t.basis() + ")") + ", " + t.status().label()
                + (t.decision() == null ? "" : ", " + t.decision());
    }

    private static Polarity polarity(String text) {
        return text == null ? Polarity.HIGHER_IS_BETTER : Polarity.valueOf(text.toUpperCase());
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase();
    }
}
