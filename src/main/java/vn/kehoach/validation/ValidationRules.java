package vn.kehoach.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Place;
import vn.kehoach.access.Resource;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Formula;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSetElement;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.StoredValue;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.validation.internal.Outliers;

/**
 * Keeps the validation rules and checks stored values against them: one form of one unit (on every save of a cell
 * and on submission), or every unit of a subtree (the district's report). A unit's figure for an element is the
 * kind its form asks for (ước or thực hiện), else the actual, else the estimate. Outliers are judged against the
 * same period of the five years before.
 */
@Service
public class ValidationRules {

    /** How many earlier years of the same period an outlier is judged against. */
    public static final int HISTORY_YEARS = 5;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final DataValues dataValues;
    private final DataSets dataSets;
    private final OrgUnits orgUnits;
    private final Guard guard;
    private final MetadataAudit audit;

    public ValidationRules(JdbcClient jdbc, Catalog catalog, DataValues dataValues, DataSets dataSets,
                           OrgUnits orgUnits, Guard guard, MetadataAudit audit) {
        this.guard = guard;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.dataValues = dataValues;
        this.dataSets = dataSets;
        this.orgUnits = orgUnits;
        this.audit = audit;
    }

    /** Every rule, in display order. */
    public List<ValidationRule> all() {
        return jdbc.sql("select * from validation_rule order by sort_order, code").query(ValidationRules::rule).list();
    }

    public Optional<ValidationRule> find(String code) {
        return jdbc.sql("select * from validation_rule where code = :code").param("code", code.strip().toUpperCase())
                .query(ValidationRules::rule).optional();
    }

    /** Creates or replaces the rule; every code in its expressions must be a data element. */
    @Transactional
    public ValidationRule save(ValidationRule r) {
        guard.checkWrite(Resource.RULE, Place.WHOLE);
        Set<String> codes = new LinkedHashSet<>(r.leftElements());
        codes.addAll(r.rightElements());
        for (String code : codes) {
            if (catalog.findElement(code).isEmpty()) {
                throw new IllegalArgumentException("quy tắc '" + r.code() + "' dùng mã '" + code
                        + "' không phải chỉ tiêu thu thập (chỉ tiêu tính toán không dùng được trong quy tắc)");
            }
        }
        ValidationRule before = find(r.code()).orElse(null);
        Map<String, Object> params = new HashMap<>();
        params.put("code", r.code());
        params.put("name", r.name());
        params.put("left", r.leftSide());
        params.put("leftLabel", r.leftLabel());
        params.put("operator", r.operator().name());
        params.put("right", r.rightSide());
        params.put("rightLabel", r.rightLabel());
        params.put("at", r.rightSideAt().name());
        params.put("tolerance", r.tolerancePct());
        params.put("importance", r.importance().name());
        params.put("message", r.message());
        params.put("sort", r.sortOrder());
        int n = jdbc.sql("""
                update validation_rule set name = :name, left_side = :left, left_label = :leftLabel,
                       operator = :operator, right_side = :right, right_label = :rightLabel, right_side_at = :at,
                       tolerance_pct = :tolerance, importance = :importance, message = :message, sort_order = :sort
                 where code = :code""").params(params).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into validation_rule (code, name, left_side, left_label, operator, right_side, right_label,
                           right_side_at, tolerance_pct, importance, message, sort_order)
                    values (:code, :name, :left, :leftLabel, :operator, :right, :rightLabel, :at, :tolerance,
                           :importance, :message, :sort)""").params(params).update();
        }
        ValidationRule saved = find(r.code()).orElseThrow();
        audit.record(MetadataChange.between(Area.RULE, null, saved.code(), saved.name(), before, saved));
        return saved;
    }

    /**
     * Reads a rule as typed or sent, naming the field of the first thing wrong (as a {@link RuleInputException}): a bad
     * code, an empty name or message, an unknown operator, importance or level, an expression that does not parse or
     * reads a code that is not a data element, a tolerance that is not a number or missing for ≈.
     */
    public ValidationRule read(RuleInput in) {
        String code = text(in.code());
        if (code == null || !code.toUpperCase().matches("[A-Z][A-Z0-9_]{0,49}")) {
            throw new RuleInputException("code", in.code(), "Mã quy tắc (code) '" + (in.code() == null ? "" : in.code())
                    + "' không hợp lệ: chỉ gồm chữ không dấu, số và '_', bắt đầu bằng chữ");
        }
        if (text(in.name()) == null) {
            throw new RuleInputException("name", in.name(), "Thiếu tên quy tắc (name)");
        }
        if (text(in.message()) == null) {
            throw new RuleInputException("message", in.message(), "Thiếu thông báo lỗi cho người nhập (message)");
        }
        expression("leftSide", "Vế trái", in.leftSide());
        Operator operator = field("operator", "Phép so sánh", in.operator(), Operator::parse);
        expression("rightSide", "Vế phải", in.rightSide());
        RuleSideLevel at = text(in.rightSideAt()) == null ? RuleSideLevel.UNIT
                : field("rightSideAt", "Vế phải đọc ở", in.rightSideAt(), RuleSideLevel::parse);
        Importance importance = field("importance", "Mức độ", in.importance(), Importance::parse);
        BigDecimal tolerance = null;
        if (text(in.tolerancePct()) != null) {
            tolerance = Numbers.vi().parse(in.tolerancePct());
            if (tolerance == null) {
                throw new RuleInputException("tolerancePct", in.tolerancePct(), "Sai số cho phép (tolerancePct) '"
                        + in.tolerancePct() + "' không phải là số");
            }
        }
        if (operator == Operator.APPROXIMATELY_EQUAL_TO && (tolerance == null || tolerance.signum() <= 0)) {
            throw new RuleInputException("tolerancePct", in.tolerancePct(),
                    "Phép xấp xỉ (~=) cần sai số cho phép (tolerancePct), tính bằng %, lớn hơn 0");
        }
        int sort = 0;
        if (text(in.sortOrder()) != null) {
            try {
                sort = Integer.parseInt(in.sortOrder().strip());
            } catch (NumberFormatException e) {
                throw new RuleInputException("sortOrder", in.sortOrder(), "Thứ tự (sortOrder) '" + in.sortOrder()
                        + "' không phải số nguyên");
            }
        }
        return new ValidationRule(code.toUpperCase(), in.name().strip(), in.leftSide().strip(), text(in.leftLabel()),
                operator, in.rightSide().strip(), text(in.rightLabel()), at, tolerance, importance, in.message().strip(),
                sort);
    }

    private void expression(String field, String what, String text) {
        if (text(text) == null) {
            throw new RuleInputException(field, text, "Thiếu " + what.toLowerCase() + " (" + field + ")");
        }
        Formula formula;
        try {
            formula = Formula.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleInputException(field, text, what + " (" + field + "): " + e.getMessage());
        }
        for (String code : formula.variables()) {
            if (catalog.findElement(code).isEmpty()) {
                throw new RuleInputException(field, text, what + " (" + field + ") dùng mã '" + code
                        + "' không phải chỉ tiêu thu thập (chỉ tiêu tính toán không dùng được trong quy tắc)");
            }
        }
    }

    private static <T> T field(String field, String what, String text, java.util.function.Function<String, T> parse) {
        if (text(text) == null) {
            throw new RuleInputException(field, text, "Thiếu " + what.toLowerCase() + " (" + field + ")");
        }
        try {
            return parse.apply(text.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleInputException(field, text, what + " (" + field + "): " + e.getMessage());
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The rules over a form: those that read any of its elements at the unit they check. */
    public List<ValidationRule> ofForm(DataSet form) {
        return touching(form.elementCodes());
    }

    /**
     * What the rule would flag on the values already stored in the subtree, before it is saved (xem trước): one
     * violation per unit and period where both sides have values and the rule fails, units in tree order, periods
     * in time order. Nothing is written.
     */
    public List<Violation> preview(ValidationRule rule, OrgUnit root) {
        guard.checkRead(Resource.VALUE, root.place());
        List<StoredValue> stored = dataValues.stored(root, java.time.LocalDate.of(1900, 1, 1),
                java.time.LocalDate.of(2999, 12, 31));
        Set<String> read = new LinkedHashSet<>(rule.leftElements());
        read.addAll(rule.rightElements());
        Map<Long, Map<Period, List<StoredValue>>> byUnit = new HashMap<>();
        for (StoredValue v : stored) {
            if (read.contains(v.elementCode())) {
                byUnit.computeIfAbsent(v.orgUnitId(), k -> new java.util.TreeMap<>())
                        .computeIfAbsent(v.period(), k -> new ArrayList<>()).add(v);
            }
        }
        List<Violation> out = new ArrayList<>();
        for (OrgUnit unit : orgUnits.subtree(root)) {
            Map<Period, List<StoredValue>> mine = byUnit.getOrDefault(unit.id(), Map.of());
            List<DataSet> forms = mine.isEmpty() ? List.of() : dataSets.reportedBy(unit);
            for (Map.Entry<Period, List<StoredValue>> e : mine.entrySet()) {
                Period period = e.getKey();
                Map<String, ValueKind> kinds = kinds(forms.stream().filter(f -> f.accepts(period)).toList());
                Map<String, BigDecimal> own = resolve(e.getValue(), unit.id(), period, kinds);
                // The cache of parents' figures is for one period; each period here reads its own.
                out.addAll(evaluate(unit, period, own, List.of(rule), new HashMap<>()));
            }
        }
        return out;
    }

    /** The rules that read any of these elements at the unit they check. */
    public List<ValidationRule> touching(Set<String> elementCodes) {
        return all().stream().filter(r -> r.unitElements().stream().anyMatch(elementCodes::contains)).toList();
    }

    /**
     * Checks a form of a unit for a period: every rule that reads one of its elements, the outliers among its
     * values, and its required lines still empty.
     */
    public FormCheck checkForm(DataSet form, OrgUnit unit, Period period) {
        Map<String, ValueKind> kinds = kinds(List.of(form));
        List<StoredValue> stored = storedOf(unit, period);
        Map<String, BigDecimal> own = resolve(stored, unit.id(), period, kinds);
        Set<String> elements = form.elementCodes();
        List<Violation> violations = new ArrayList<>(evaluate(unit, period, own, touching(elements), new HashMap<>()));
        for (String code : elements) {
            outlier(unit, period, code, own.get(code), stored, kinds).ifPresent(violations::add);
        }
        violations.sort(ORDER);
        List<DataSetElement> missing = form.elements().stream()
                .filter(e -> e.required() && !own.containsKey(e.elementCode())).toList();
        return new FormCheck(violations, missing);
    }

    /**
     * Checks values just written outside a form (an import) against the rules: the same rules, evaluated the same way
     * as on every save of a cell in a form, on the unit's own values for the period, the written kind first (else the
     * kind its forms ask for, else actual, else estimate). Only {@code rules} are evaluated (those that read the
     * written elements: {@link #touching}); outliers are not judged here, as history may come in the same file.
     */
    public List<Violation> checkWritten(OrgUnit unit, Period period, ValueKind kind, Set<String> elementCodes,
                                        List<ValidationRule> rules) {
        Map<String, ValueKind> kinds = new HashMap<>(kinds(dataSets.reportedBy(unit).stream()
                .filter(f -> f.accepts(period)).toList()));
        elementCodes.forEach(code -> kinds.put(code, kind));
        List<StoredValue> stored = dataValues.stored(unit, period.start(), period.end()).stream()
                .filter(v -> v.orgUnitId() == unit.id()).toList();
        List<Violation> out = new ArrayList<>(evaluate(unit, period, resolve(stored, unit.id(), period, kinds), rules,
                new HashMap<>()));
        out.sort(ORDER);
        return out;
    }

    /**
     * Checks every unit of the subtree that holds values for the period, against every rule and its own history:
     * the district's report (báo cáo kiểm tra số liệu). Units come in tree order.
     */
    public List<Violation> checkSubtree(OrgUnit root, Period period) {
        List<ValidationRule> rules = all();
        List<StoredValue> stored = dataValues.stored(root, back(period).start(), period.end());
        Map<Long, List<StoredValue>> byUnit = stored.stream().collect(Collectors.groupingBy(StoredValue::orgUnitId));
        Map<Long, Map<String, BigDecimal>> parents = new HashMap<>();
        List<Violation> out = new ArrayList<>();
        for (OrgUnit unit : orgUnits.subtree(root)) {
            List<StoredValue> mine = byUnit.getOrDefault(unit.id(), List.of());
            if (mine.stream().noneMatch(v -> v.period().equals(period))) {
                continue;
            }
            Map<String, ValueKind> kinds = kinds(dataSets.reportedBy(unit).stream().filter(f -> f.accepts(period)).toList());
            Map<String, BigDecimal> own = resolve(mine, unit.id(), period, kinds);
            List<Violation> found = new ArrayList<>(evaluate(unit, period, own, rules, parents));
            for (String code : own.keySet()) {
                outlier(unit, period, code, own.get(code), mine, kinds).ifPresent(found::add);
            }
            found.sort(ORDER);
            out.addAll(found);
        }
        return out;
    }

    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::importance)
            .thenComparing(Violation::isOutlier).thenComparing(Violation::ruleCode);

    private List<Violation> evaluate(OrgUnit unit, Period period, Map<String, BigDecimal> own,
                                     List<ValidationRule> rules, Map<Long, Map<String, BigDecimal>> parents) {
        List<Violation> out = new ArrayList<>();
        for (ValidationRule r : rules) {
            if (!own.keySet().containsAll(r.leftElements())) {
                continue;
            }
            Map<String, BigDecimal> rightValues = own;
            if (r.rightSideAt() == RuleSideLevel.PARENT) {
                if (unit.parentId() == null) {
                    continue;
                }
                rightValues = parents.computeIfAbsent(unit.parentId(), id -> parentValues(id, period));
            }
            if (!rightValues.keySet().containsAll(r.rightElements())) {
                continue;
            }
            BigDecimal left = Formula.parse(r.leftSide()).evaluate(own);
            BigDecimal right = Formula.parse(r.rightSide()).evaluate(rightValues);
            if (left == null || right == null || r.operator().holds(left, right, r.tolerancePct())) {
                continue;
            }
            out.add(new Violation(r.code(), r.name(), r.importance(), r.message(), detail(r, left, right),
                    unit.code(), unit.name(), period, r.unitElements(), r.unitElements().stream().findFirst().orElse(null)));
        }
        return out;
    }

    private Map<String, BigDecimal> parentValues(long parentId, Period period) {
        OrgUnit parent = orgUnits.find(parentId).orElseThrow();
        List<DataValue> values = dataValues.list(parent, false, period, null);
        Map<String, BigDecimal> out = new HashMap<>();
        // The parent's own figure (its statistics office's total), actual before estimate.
        values.stream().sorted(Comparator.comparing(DataValue::kind).reversed())
                .forEach(v -> out.put(v.elementCode(), v.value()));
        return out;
    }

    /**
     * Both sides of a failed rule as a person reads them: "Sản lượng lúa xuân (tấn) = 81; phải ≈ năng suất × diện
     * tích ÷ 10 = 99 (lệch 18,2%, cho phép 1%)", or "Tổng đàn lợn = -7; phải ≥ 0" for a constant right side.
     */
    private static String detail(ValidationRule r, BigDecimal left, BigDecimal right) {
        String rightSide = r.rightElements().isEmpty() && (r.rightLabel() == null || r.rightLabel().isBlank())
                ? number(right)
                : (r.rightLabel() == null || r.rightLabel().isBlank() ? r.rightSide() : lowerFirst(r.rightLabel()))
                        + (r.rightSideAt() == RuleSideLevel.PARENT ? " (cấp trên)" : "") + " = " + number(right);
        String s = label(r.leftLabel(), r.leftSide()) + " = " + number(left) + "; phải " + r.operator().symbol() + " " + rightSide;
        if (r.operator() == Operator.APPROXIMATELY_EQUAL_TO && right.signum() != 0) {
            BigDecimal pct = left.subtract(right).abs().multiply(BigDecimal.valueOf(100))
                    .divide(right.abs(), 1, RoundingMode.HALF_UP);
            s += " (lệch " + Numbers.vi().format(pct, 1) + "%, cho phép " + Numbers.vi().format(Numbers.normal(r.tolerancePct())) + "%)";
        }
        return s;
    }

    /** A label starts lower-case inside the sentence; a bare expression (GOAT_HERD) keeps its codes as they are. */
    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String label(String label, String expression) {
        return label == null || label.isBlank() ? expression : label;
    }

    private static String number(BigDecimal v) {
        return Numbers.vi().format(Numbers.normal(v.setScale(2, RoundingMode.HALF_UP)));
    }

    private Optional<Violation> outlier(OrgUnit unit, Period period, String code, BigDecimal value,
                                        List<StoredValue> stored, Map<String, ValueKind> kinds) {
        if (value == null) {
            return Optional.empty();
        }
        List<BigDecimal> history = new ArrayList<>();
        List<Period> periods = new ArrayList<>();
        for (int k = HISTORY_YEARS; k >= 1; k--) {
            Period earlier = new Period(period.type(), period.year() - k, period.index());
            BigDecimal v = resolve(stored, unit.id(), earlier, kinds).get(code);
            if (v != null) {
                history.add(v);
                periods.add(earlier);
            }
        }
        return Outliers.judge(value, history).filter(Outliers.Judgement::outlier).map(j -> {
            DataElement element = catalog.element(code);
            String range = periods.get(0).id() + (periods.size() > 1 ? "–" + periods.get(periods.size() - 1).id() : "");
            return new Violation(Violation.OUTLIER, "Bất thường so với các năm trước", Importance.MEDIUM,
                    element.name() + " " + Numbers.vi().format(value) + " khác xa số liệu cùng kỳ các năm trước của "
                            + unit.name() + "; hãy kiểm tra lại",
                    "trung vị cùng kỳ " + range + ": " + number(j.median()) + "; độ lệch chuẩn hóa "
                            + Numbers.vi().format(j.score(), 1) + " (ngưỡng " + Numbers.vi().format(Outliers.THRESHOLD, 1) + ")",
                    unit.code(), unit.name(), period, Set.of(code), code);
        });
    }

    private List<StoredValue> storedOf(OrgUnit unit, Period period) {
        // A district's subtree holds its communes too; only the unit's own values count here.
        return dataValues.stored(unit, back(period).start(), period.end()).stream()
                .filter(v -> v.orgUnitId() == unit.id()).toList();
    }

    private static Period back(Period period) {
        return new Period(period.type(), period.year() - HISTORY_YEARS, period.index());
    }

    /** The unit's figure per element for the period: the form's kind where it has one, else actual, else estimate. */
    private static Map<String, BigDecimal> resolve(List<StoredValue> values, long unitId, Period period,
                                                   Map<String, ValueKind> kinds) {
        Map<String, Map<ValueKind, BigDecimal>> byElement = new LinkedHashMap<>();
        for (StoredValue v : values) {
            if (v.orgUnitId() == unitId && v.period().equals(period)) {
                byElement.computeIfAbsent(v.elementCode(), k -> new HashMap<>()).put(v.kind(), v.value());
            }
        }
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        byElement.forEach((code, byKind) -> {
            ValueKind wanted = kinds.get(code);
            BigDecimal v = wanted != null && byKind.containsKey(wanted) ? byKind.get(wanted)
                    : byKind.getOrDefault(ValueKind.ACTUAL, byKind.get(ValueKind.ESTIMATE));
            out.put(code, v);
        });
        return out;
    }

    private static Map<String, ValueKind> kinds(List<DataSet> forms) {
        return forms.stream().flatMap(f -> f.elements().stream())
                .collect(Collectors.toMap(DataSetElement::elementCode, DataSetElement::kind, (a, b) -> a));
    }

    private static ValidationRule rule(ResultSet rs, int row) throws SQLException {
        return new ValidationRule(rs.getString("code"), rs.getString("name"), rs.getString("left_side"),
                rs.getString("left_label"), Operator.valueOf(rs.getString("operator")), rs.getString("right_side"),
                rs.getString("right_label"), RuleSideLevel.valueOf(rs.getString("right_side_at")),
                Numbers.normal(rs.getBigDecimal("tolerance_pct")), Importance.valueOf(rs.getString("importance")),
                rs.getString("message"), rs.getInt("sort_order"));
    }
}
