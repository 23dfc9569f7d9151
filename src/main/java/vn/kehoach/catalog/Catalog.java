package vn.kehoach.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
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
        unit(e.unitCode());
        requireSector(e.sectorCode());
        if (findIndicatorCode(e.code())) {
            throw new IllegalArgumentException("mã '" + e.code() + "' đã dùng cho một chỉ tiêu tính toán");
        }
        DataElement before = findElement(e.code()).orElse(null);
        var params = Map.<String, Object>ofEntries(
                Map.entry("code", e.code()), Map.entry("name", e.name()), Map.entry("unit", e.unitCode()),
                Map.entry("vt", e.valueType().name()), Map.entry("tree", e.treeAggregation().name()),
                Map.entry("time", e.timeAggregation().name()), Map.entry("polarity", e.polarity().name()),
                Map.entry("sector", e.sectorCode()), Map.entry("decimals", e.decimals()),
                Map.entry("pct", e.pctDecimals()), Map.entry("sort", e.sortOrder()));
        int n = jdbc.sql("""
                update data_element set name = :name, unit_code = :unit, value_type = :vt, tree_aggregation = :tree,
                       time_aggregation = :time, weight_element = :weight, polarity = :polarity, sector_code = :sector,
                       agency_code = :agency, decimals = :decimals, pct_decimals = :pct, sort_order = :sort,
                       description = :description
                 where code = :code""").params(params).param("weight", e.weightElement())
                .param("agency", e.agencyCode()).param("description", e.description()).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into data_element (code, name, unit_code, value_type, tree_aggregation, time_aggregation,
                           weight_element, polarity, sector_code, agency_code, decimals, pct_decimals, sort_order, description)
                    values (:code, :name, :unit, :vt, :tree, :time, :weight, :polarity, :sector, :agency, :decimals,
                           :pct, :sort, :description)""").params(params).param("weight", e.weightElement())
                    .param("agency", e.agencyCode()).param("description", e.description()).update();
        }
        audit.record(MetadataChange.between(Area.CATALOG, null, e.code(), e.name(), before, e));
    }

    /** Creates or updates the indicator; every code in its formula must be a known figure, with no cycle. */
    @Transactional
    public void saveIndicator(Indicator ind) {
        guard.checkWrite(Resource.CATALOG, Place.WHOLE);
        unit(ind.unitCode());
        requireSector(ind.sectorCode());
        if (findElement(ind.code()).isPresent()) {
            throw new IllegalArgumentException("mã '" + ind.code() + "' đã dùng cho một chỉ tiêu thu thập");
        }
        Formula formula = Formula.parse(ind.formula());
        for (String v : formula.variables()) {
            if (!v.equals(ind.code()) && findFigure(v).isEmpty()) {
                throw new IllegalArgumentException("công thức của '" + ind.code() + "' dùng mã '" + v
                        + "' không có trong danh mục");
            }
        }
        Indicator before = findFigure(ind.code()).filter(Indicator.class::isInstance).map(Indicator.class::cast).orElse(null);
        var params = Map.<String, Object>of("code", ind.code(), "name", ind.name(), "unit", ind.unitCode(),
                "formula", ind.formula(), "polarity", ind.polarity().name(), "sector", ind.sectorCode(),
                "decimals", ind.decimals(), "pct", ind.pctDecimals(), "missing", ind.missing().name(),
                "sort", ind.sortOrder());
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
        checkNoCycle(ind.code());
        audit.record(MetadataChange.between(Area.CATALOG, null, ind.code(), ind.name(), before, ind));
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

    private void checkNoCycle(String start) {
        Map<String, Indicator> indicators = indicators().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        visit(start, indicators, new HashSet<>(), new ArrayDeque<>());
    }

    private void visit(String code, Map<String, Indicator> indicators, Set<String> done, Deque<String> stack) {
        Indicator ind = indicators.get(code);
        if (ind == null || done.contains(code)) {
            return;
        }
        if (stack.contains(code)) {
            throw new IllegalArgumentException("công thức vòng tròn: " + String.join(" → ", stack) + " → " + code);
        }
        stack.push(code);
        for (String v : Formula.parse(ind.formula()).variables()) {
            visit(v, indicators, done, stack);
        }
        stack.pop();
        done.add(code);
    }

    private boolean findIndicatorCode(String code) {
        return jdbc.sql("select count(*) from indicator where code = :code").param("code", code)
                .query(Integer.class).single() > 0;
    }

    private void requireSector(String code) {
        if (code != null && findSector(code).isEmpty()) {
            throw new UnknownCodeException("lĩnh vực", code);
        }
    }

    private static DataElement element(ResultSet rs, int row) throws SQLException {
        return new DataElement(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("unit_code"),
                ValueType.valueOf(rs.getString("value_type")), TreeAggregation.valueOf(rs.getString("tree_aggregation")),
                TimeAggregation.valueOf(rs.getString("time_aggregation")), rs.getString("weight_element"),
                Polarity.valueOf(rs.getString("polarity")), rs.getString("sector_code"), rs.getString("agency_code"),
                rs.getInt("decimals"), rs.getInt("pct_decimals"), rs.getInt("sort_order"), rs.getString("description"));
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
