package vn.kehoach.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

/**
 * Reads and writes the catalog: units of measure, sectors, data elements and indicators. The catalog is national:
 * its changes go to the metadata audit trail without a unit, for readers at a root.
 */
@Service
public class Catalog {

    private final JdbcClient jdbc;
    private final Guard guard;
    private final MetadataAudit audit;

    public Catalog(JdbcClient jdbc, Guard guard, MetadataAudit audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
    }

    /** True when the current actor may change the catalog (the pages show their forms only then). */
    public boolean mayChange() {
        return guard.mayWrite(Resource.CATALOG, Place.WHOLE);
    }

    public List<MeasureUnit> units() {
        return jdbc.sql("select code, name, symbol, dimension, factor from measure_unit order by dimension, factor")
                .query((rs, i) -> new MeasureUnit(rs.getString("code"), rs.getString("name"), rs.getString("symbol"),
                        rs.getString("dimension"), rs.getBigDecimal("factor"))).list();
    }

    public Optional<MeasureUnit> findUnit(String code) {
        return units().stream().filter(u -> u.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    public MeasureUnit unit(String code) {
        return findUnit(code).orElseThrow(() -> new UnknownCodeException("đơn vị tính", code));
    }

    public List<Sector> sectors() {
        return jdbc.sql("select code, name, field, sort_order from sector order by sort_order, code")
                .query((rs, i) -> new Sector(rs.getString("code"), rs.getString("name"), rs.getString("field"),
                        rs.getInt("sort_order"))).list();
    }

    public Optional<Sector> findSector(String code) {
        return sectors().stream().filter(s -> s.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    public List<DataElement> elements() {
        return jdbc.sql("select * from data_element order by sort_order, code").query(Catalog::element).list();
    }

    public Optional<DataElement> findElement(String code) {
        return jdbc.sql("select * from data_element where code = :code").param("code", code.strip().toUpperCase())
                .query(Catalog::element).optional();
    }

    public DataElement element(String code) {
        return findElement(code).orElseThrow(() -> new UnknownCodeException("chỉ tiêu", code));
    }

    public List<Indicator> indicators() {
        return jdbc.sql("select * from indicator order by sort_order, code").query(Catalog::indicator).list();
    }

    /** A data element or an indicator with this code. */
    public Optional<Figure> findFigure(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<DataElement> e = findElement(code);
        if (e.isPresent()) {
            return Optional.of(e.get());
        }
        return jdbc.sql("select * from indicator where code = :code").param("code", code.strip().toUpperCase())
                .query(Catalog::indicator).optional().map(Figure.class::cast);
    }

    public Figure figure(String code) {
        return findFigure(code).orElseThrow(() -> new UnknownCodeException("chỉ tiêu", code));
    }

    /** Every figure, elements and indicators, in catalog order. */
    public List<Figure> figures() {
        List<Figure> all = new java.util.ArrayList<>();
        all.addAll(elements());
        all.addAll(indicators());
        all.sort(java.util.Comparator.comparingInt(Figure::sortOrder).thenComparing(Figure::code));
        return all;
    }

    @Transactional
    public void saveUnit(MeasureUnit u) {
        guard.checkWrite(Resource.CATALOG, Place.WHOLE);
        MeasureUnit before = findUnit(u.code()).orElse(null);
        int n = jdbc.sql("update measure_unit set name = :name, symbol = :symbol, dimension = :dim, factor = :factor where code = :code")
                .param("name", u.name()).param("symbol", u.symbol()).param("dim", u.dimension())
                .param("factor", u.factor()).param("code", u.code()).update();
        if (n == 0) {
            jdbc.sql("insert into measure_unit (code, name, symbol, dimension, factor) values (:code, :name, :symbol, :dim, :factor)")
                    .param("code", u.code()).param("name", u.name()).param("symbol", u.symbol())
                    .param("dim", u.dimension()).param("factor", u.factor()).update();
        }
        audit.record(MetadataChange.between(Area.CATALOG, null, u.code(), "Đơn vị tính " + u.name(), before, u));
    }

    @Transactional
    public void saveSector(Sector s) {
        guard.checkWrite(Resource.CATALOG, Place.WHOLE);
        Sector before = findSector(s.code()).orElse(null);
        int n = jdbc.sql("update sector set name = :name, field = :field, sort_order = :sort where code = :code")
                .param("name", s.name()).param("field", s.field()).param("sort", s.sortOrder()).param("code", s.code())
                .update();
        if (n == 0) {
            jdbc.sql("insert into sector (code, name, field, sort_order) values (:code, :name, :field, :sort)")
                    .param("code", s.code()).param("name", s.name()).param("field", s.field())
                    .param("sort", s.sortOrder()).update();
        }
        audit.record(MetadataChange.between(Area.CATALOG, null, s.code(), "Lĩnh vực " + s.name(), before, s));
    }

    /** Creates or updates the element with this code; its unit and sector must exist. */
    @Transactional
    public void saveElement(DataElement e) {
        guard.checkWrite(Resource.CATALOG, Place.WHOLE);
        requireUnit(e.unitCode());
        requireSector(e.sectorCode());
        if (findIndicatorCode(e.code())) {
            throw new CatalogException("code", e.code(), "mã '" + e.code() + "' đã dùng cho một chỉ tiêu tính toán");
        }
        if (e.weightElement() != null && !e.weightElement().isBlank() && findElement(e.weightElement()).isEmpty()
                && !e.weightElement().equalsIgnoreCase(e.code())) {
            throw new CatalogException("weightElement", e.weightElement(), "chỉ tiêu trọng số '" + e.weightElement()
                    + "' không có trong danh mục");
        }
        DataElement before = findElement(e.code()).orElse(null);
        Map<String, Object> params = new HashMap<>(Map.<String, Object>ofEntries(
                Map.entry("code", e.code()), Map.entry("name", e.name()), Map.entry("unit", e.unitCode()),
                Map.entry("vt", e.valueType().name()), Map.entry("tree", e.treeAggregation().name()),
                Map.entry("time", e.timeAggregation().name()), Map.entry("polarity", e.polarity().name()),
                Map.entry("decimals", e.decimals()), Map.entry("pct", e.pctDecimals()), Map.entry("sort", e.sortOrder())));
        params.put("sector", e.sectorCode());
        int n = jdbc.sql("""
                update data_element set name = :name, unit_code = :unit, value_type = :vt, tree_aggregation = :tree,
                       time_aggregation = :time, weight_element = :weight, polarity = :polarity, sector_code = :sector,
                       agency_code = :agency, decimals = :decimals, pct_decimals = :pct, sort_order = :sort,
                       description = :description, min_value = :min, max_value = :max
                 where code = :code""").params(params).param("weight", e.weightElement())
                .param("agency", e.agencyCode()).param("description", e.description())
                .param("min", e.minValue()).param("max", e.maxValue()).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into data_element (code, name, unit_code, value_type, tree_aggregation, time_aggregation,
                           weight_element, polarity, sector_code, agency_code, decimals, pct_decimals, sort_order,
                           description, min_value, max_value)
                    values (:code, :name, :unit, :vt, :tree, :time, :weight, :polarity, :sector, :agency, :decimals,
                           :pct, :sort, :description, :min, :max)""").params(params).param("weight", e.weightElement())
                    .param("agency", e.agencyCode()).param("description", e.description())
                    .param("min", e.minValue()).param("max", e.maxValue()).update();
        }
        audit.record(MetadataChange.between(Area.CATALOG, null, e.code(), e.name(), before, e));
    }

    /**
     * Creates or updates the indicator, as a package import does: its formula must parse and read only known codes,
     * with no cycle; a divisor that may be zero is accepted (the indicator then has no value where it is zero).
     */
    @Transactional
    public void saveIndicator(Indicator ind) {
        saveIndicator(ind, true);
    }

    /**
     * Creates or updates the indicator after {@link #checkFormula}: every problem of its formula is named at once and
     * nothing is stored. A divisor that may be zero is refused unless {@code zeroDivisorAccepted}, the person having
     * agreed that the indicator has no value where its divisor is zero.
     */
    @Transactional
    public void saveIndicator(Indicator ind, boolean zeroDivisorAccepted) {
        guard.checkWrite(Resource.CATALOG, Place.WHOLE);
        requireUnit(ind.unitCode());
        requireSector(ind.sectorCode());
        if (findElement(ind.code()).isPresent()) {
            throw new CatalogException("code", ind.code(), "mã '" + ind.code() + "' đã dùng cho một chỉ tiêu thu thập");
        }
        FormulaCheck check = checkFormula(ind.code(), ind.formula());
        List<String> problems = new ArrayList<>(check.errors());
        if (!zeroDivisorAccepted) {
            problems.addAll(check.zeroDivisors());
        }
        if (!problems.isEmpty()) {
            throw new CatalogException("formula", ind.formula(), "Công thức của '" + ind.code() + "' chưa lưu được: "
                    + String.join("; ", problems), problems);
        }
        Indicator before = findFigure(ind.code()).filter(Indicator.class::isInstance).map(Indicator.class::cast).orElse(null);
        // A HashMap, since an indicator may have no sector (Map.of refuses a null).
        Map<String, Object> params = new HashMap<>(Map.of("code", ind.code(), "name", ind.name(),
                "unit", ind.unitCode(), "formula", ind.formula(), "polarity", ind.polarity().name(),
                "decimals", ind.decimals(), "pct", ind.pctDecimals(), "missing", ind.missing().name(),
                "sort", ind.sortOrder()));
        params.put("sector", ind.sectorCode());
        int n = jdbc.sql("""
                update indicator set name = :name, unit_code = :unit, formula = :formula, polarity = :polarity,
                       sector_code = :sector, decimals = :decimals, pct_decimals = :pct, missing = :missing,
                       sort_order = :sort, description = :description where code = :code""")
                .params(params).param("description", ind.description()).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into indicator (code, name, unit_code, formula, polarity, sector_code, decimals, pct_decimals,
                           missing, sort_order, description)
                    values (:code, :name, :unit, :formula, :polarity, :sector, :decimals, :pct, :missing, :sort,
                           :description)""").params(params).param("description", ind.description()).update();
        }
        audit.record(MetadataChange.between(Area.CATALOG, null, ind.code(), ind.name(), before, ind));
    }

    /**
     * What is wrong with a formula for the indicator {@code code}, against the catalog as stored: a syntax error
     * with its position; each code that names nothing; a cycle through indicators, as "A → B → A"; and, apart, each
     * divisor that may be zero — a data element whose allowed range admits 0 (no lower bound above 0 and no upper
     * bound below 0), an indicator, a sum or a difference (see {@link Formula#riskyDivisions}).
     */
    public FormulaCheck checkFormula(String code, String text) {
        Formula formula;
        try {
            formula = Formula.parse(text);
        } catch (CatalogException e) {
            return new FormulaCheck(List.of(e.getMessage()), List.of());
        }
        String self = code.strip().toUpperCase();
        Map<String, DataElement> elements = elements().stream()
                .collect(Collectors.toMap(DataElement::code, Function.identity()));
        Map<String, Set<String>> reads = new HashMap<>();
        for (Indicator i : indicators()) {
            reads.put(i.code(), Formula.parse(i.formula()).variables());
        }
        reads.put(self, formula.variables());
        List<String> errors = new ArrayList<>();
        for (String v : formula.variables()) {
            if (!elements.containsKey(v) && !reads.containsKey(v)) {
                errors.add("mã '" + v + "' không có trong danh mục");
            }
        }
        List<String> cycle = cycleThrough(self, reads);
        if (!cycle.isEmpty()) {
            errors.add("công thức vòng tròn: " + String.join(" → ", cycle));
        }
        List<String> zero = new ArrayList<>();
        for (Formula.RiskyDivision d : formula.riskyDivisions(
                c -> elements.containsKey(c) && !elements.get(c).canBeZero())) {
            List<String> named = d.codes().stream().filter(c -> elements.containsKey(c) || reads.containsKey(c)).toList();
            if (named.isEmpty() && !d.codes().isEmpty()) {
                continue; // its codes are unknown, named above
            }
            zero.add("phép chia tại vị trí " + d.position() + (named.isEmpty() ? " có số chia có thể bằng 0"
                    : " chia cho " + String.join(", ", named) + ", có thể bằng 0 ("
                    + named.stream().map(c -> reads.containsKey(c) ? c + " là chỉ tiêu tính toán"
                    : c + " không có giá trị nhỏ nhất lớn hơn 0").collect(Collectors.joining(", ")) + ")"));
        }
        return new FormulaCheck(errors, zero);
    }

    /** The path from {@code start} back to itself through the indicators' formulas, empty when there is none. */
    private static List<String> cycleThrough(String start, Map<String, Set<String>> reads) {
        Deque<String> path = new ArrayDeque<>();
        path.addLast(start);
        return findBack(start, start, reads, path, new HashSet<>()) ? List.copyOf(path) : List.of();
    }

    private static boolean findBack(String at, String start, Map<String, Set<String>> reads, Deque<String> path,
                                    Set<String> seen) {
        for (String next : reads.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                path.addLast(start);
                return true;
            }
            if (reads.containsKey(next) && seen.add(next)) {
                path.addLast(next);
                if (findBack(next, start, reads, path, seen)) {
                    return true;
                }
                path.removeLast();
            }
        }
        return false;
    }

    /** Creates or updates the element a person sent, each field read and named when wrong; returns it as stored. */
    @Transactional
    public DataElement saveElement(ElementDraft d) {
        String code = figureCode(d.code());
        Optional<DataElement> existing = findElement(code);
        DataElement e = new DataElement(existing.map(DataElement::id).orElse(0L), code, required("name", d.name()),
                required("unitCode", d.unitCode()).toUpperCase(),
                choice(ValueType.class, "valueType", d.valueType(), ValueType.NUMBER),
                choice(TreeAggregation.class, "treeAggregation", d.treeAggregation(), TreeAggregation.SUM),
                choice(TimeAggregation.class, "timeAggregation", d.timeAggregation(), TimeAggregation.SUM),
                blankToNull(d.weightElement()), choice(Polarity.class, "polarity", d.polarity(), Polarity.HIGHER_IS_BETTER),
                upper(d.sectorCode()), existing.map(DataElement::agencyCode).orElse(null),
                d.decimals() == null ? 0 : d.decimals(), d.pctDecimals() == null ? 1 : d.pctDecimals(),
                d.sortOrder() != null ? d.sortOrder() : existing.map(DataElement::sortOrder).orElseGet(this::nextSortOrder),
                blankToNull(d.description()), d.minValue(), d.maxValue());
        saveElement(e);
        return element(code);
    }

    /** Creates or updates the indicator a person sent, after {@link #checkFormula}; returns it as stored. */
    @Transactional
    public Indicator saveIndicator(IndicatorDraft d) {
        String code = figureCode(d.code());
        Optional<Indicator> existing = findFigure(code).filter(Indicator.class::isInstance).map(Indicator.class::cast);
        Indicator ind = new Indicator(existing.map(Indicator::id).orElse(0L), code, required("name", d.name()),
                required("unitCode", d.unitCode()).toUpperCase(), required("formula", d.formula()),
                choice(Polarity.class, "polarity", d.polarity(), Polarity.HIGHER_IS_BETTER), upper(d.sectorCode()),
                d.decimals() == null ? 1 : d.decimals(), d.pctDecimals() == null ? 1 : d.pctDecimals(),
                choice(MissingValues.class, "missing", d.missing(), MissingValues.SKIP_IF_ANY_MISSING),
                d.sortOrder() != null ? d.sortOrder() : existing.map(Indicator::sortOrder).orElseGet(this::nextSortOrder),
                blankToNull(d.description()));
        saveIndicator(ind, Boolean.TRUE.equals(d.zeroDivisorAccepted()));
        return (Indicator) figure(code);
    }

    /** Creates or updates the sector a person sent; without a sort order it goes after the last one. */
    @Transactional
    public Sector saveSector(String code, String name, String field, Integer sortOrder) {
        String c = required("code", code).toUpperCase();
        if (!c.matches("[A-Z][A-Z0-9_]{0,29}")) {
            throw new CatalogException("code", code, "mã lĩnh vực '" + code
                    + "' không hợp lệ: chỉ gồm chữ in hoa không dấu, số và '_', bắt đầu bằng chữ, tối đa 30 ký tự");
        }
        int sort = sortOrder != null ? sortOrder : findSector(c).map(Sector::sortOrder).orElseGet(() ->
                sectors().stream().mapToInt(Sector::sortOrder).max().orElse(0) + 10);
        saveSector(new Sector(c, required("name", name), blankToNull(field), sort));
        return findSector(c).orElseThrow();
    }

    private int nextSortOrder() {
        return figures().stream().mapToInt(Figure::sortOrder).max().orElse(0) + 10;
    }

    private static String figureCode(String value) {
        String code = required("code", value).toUpperCase();
        try {
            Codes.check(code, "chỉ tiêu");
        } catch (IllegalArgumentException e) {
            throw new CatalogException("code", value, e.getMessage());
        }
        return code;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new CatalogException(field, value, "thiếu trường '" + field + "'");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        String v = blankToNull(value);
        return v == null ? null : v.toUpperCase();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String text, E usual) {
        if (text == null || text.isBlank()) {
            return usual;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.strip())) {
                return e;
            }
        }
        throw new CatalogException(field, text, "trường '" + field + "': '" + text + "' không có; dùng một trong "
                + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** The data elements an indicator finally reads, through any indicators it refers to. */
    public Set<String> elementsOf(Indicator indicator) {
        Map<String, Indicator> indicators = indicators().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(Formula.parse(indicator.formula()).variables());
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String code = todo.pop();
            if (!seen.add(code)) {
                continue;
            }
            Indicator nested = indicators.get(code);
            if (nested == null) {
                out.add(code);
            } else {
                todo.addAll(Formula.parse(nested.formula()).variables());
            }
        }
        return out;
    }

    private boolean findIndicatorCode(String code) {
        return jdbc.sql("select count(*) from indicator where code = :code").param("code", code)
                .query(Integer.class).single() > 0;
    }

    private void requireSector(String code) {
        if (code != null && findSector(code).isEmpty()) {
            throw new CatalogException("sectorCode", code, "Không có lĩnh vực mã '" + code + "'");
        }
    }

    private void requireUnit(String code) {
        if (code == null || findUnit(code).isEmpty()) {
            throw new CatalogException("unitCode", code, "Không có đơn vị tính mã '" + code + "'");
        }
    }

    private static DataElement element(ResultSet rs, int row) throws SQLException {
        return new DataElement(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("unit_code"),
                ValueType.valueOf(rs.getString("value_type")), TreeAggregation.valueOf(rs.getString("tree_aggregation")),
                TimeAggregation.valueOf(rs.getString("time_aggregation")), rs.getString("weight_element"),
                Polarity.valueOf(rs.getString("polarity")), rs.getString("sector_code"), rs.getString("agency_code"),
                rs.getInt("decimals"), rs.getInt("pct_decimals"), rs.getInt("sort_order"), rs.getString("description"),
                bound(rs.getBigDecimal("min_value")), bound(rs.getBigDecimal("max_value")));
    }

    private static BigDecimal bound(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal plain = stored.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static Indicator indicator(ResultSet rs, int row) throws SQLException {
        return new Indicator(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("unit_code"),
                rs.getString("formula"), Polarity.valueOf(rs.getString("polarity")), rs.getString("sector_code"),
                rs.getInt("decimals"), rs.getInt("pct_decimals"), MissingValues.valueOf(rs.getString("missing")),
                rs.getInt("sort_order"), rs.getString("description"));
    }

    /** Converts a value given in {@code fromUnit} into the figure's own unit. */
    public BigDecimal toFigureUnit(Figure figure, BigDecimal value, String fromUnit) {
        if (fromUnit == null || fromUnit.isBlank() || fromUnit.equalsIgnoreCase(figure.unitCode())) {
            return value;
        }
        return unit(fromUnit).convert(value, unit(figure.unitCode()));
    }
}
