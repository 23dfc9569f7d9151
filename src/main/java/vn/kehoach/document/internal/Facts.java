package vn.kehoach.document.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.Polarity;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.catalog.ValueType;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.comparison.ComparisonQuery;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/**
 * The figures one document reads, computed once: the comparisons of the unit (and of the units below it, for the
 * tables and lists by commune) for the report period and the plan year.
 */
final class Facts {

    private static final Set<OrgUnitKind> COMMUNE_LEVEL = Set.of(OrgUnitKind.COMMUNE, OrgUnitKind.WARD, OrgUnitKind.TOWN);

    final OrgUnit unit;
    final Period report;
    final Period planYear;
    private final ComparisonEngine engine;
    private final OrgUnits orgUnits;
    private final Map<String, Figure> figures;
    private final Map<String, MeasureUnit> measures;
    private final Map<String, List<Comparison>> comparisons = new HashMap<>();
    private List<OrgUnit> children;

    Facts(OrgUnit unit, Period report, Period planYear, ComparisonEngine engine, OrgUnits orgUnits,
          List<Figure> figures, List<MeasureUnit> measures) {
        this.unit = unit;
        this.report = report;
        this.planYear = planYear;
        this.engine = engine;
        this.orgUnits = orgUnits;
        this.figures = figures.stream().collect(Collectors.toMap(Figure::code, Function.identity()));
        this.measures = measures.stream().collect(Collectors.toMap(MeasureUnit::code, Function.identity()));
    }

    List<Comparison> comparisons(OrgUnit u, Period p) {
        return comparisons.computeIfAbsent(u.code() + "|" + p.id(), k -> engine.answer(ComparisonQuery.of(u, p)));
    }

    /** The figure with this code; a code the catalog lost prints as its own name with no data. */
    Figure figure(String code) {
        Figure f = figures.get(code);
        if (f != null) {
            return f;
        }
        return new DataElement(0, code, code, "", ValueType.NUMBER, TreeAggregation.NONE, TimeAggregation.NONE, null,
                Polarity.NEUTRAL, null, null, 0, 1, 0, null);
    }

    String unitSymbol(Figure f) {
        MeasureUnit m = measures.get(f.unitCode());
        return m == null ? "" : m.symbol();
    }

    /** The units below the document's unit at the lowest territorial level: the communes and towns. */
    List<OrgUnit> communes() {
        if (children == null) {
            children = orgUnits.children(unit).stream().filter(c -> COMMUNE_LEVEL.contains(c.kind())).toList();
        }
        return children;
    }

    /** The units below of the given kinds (communes and towns when none is given). */
    List<OrgUnit> children(List<String> kinds) {
        if (kinds.isEmpty()) {
            return communes();
        }
        Set<OrgUnitKind> wanted = kinds.stream().map(OrgUnitKind::parse).collect(Collectors.toSet());
        return orgUnits.children(unit).stream().filter(c -> wanted.contains(c.kind())).toList();
    }

    /**
     * The unit as a sentence writes it: its symbol, except an abbreviation a table uses but prose spells out
     * ("HTX" → "hợp tác xã", as the seed writes "thành lập mới cho 01 hợp tác xã").
     */
    String proseUnit(Figure f) {
        MeasureUnit m = measures.get(f.unitCode());
        if (m == null) {
            return "";
        }
        String symbol = m.symbol();
        boolean abbreviation = symbol.length() > 1 && symbol.chars().allMatch(Character::isUpperCase);
        return abbreviation && m.name() != null && !m.name().isBlank() ? m.name() : symbol;
    }

    FigureView view(OrgUnit u, String code, String label, String issuer, Period p) {
        Figure f = figure(code);
        String name = label != null ? label : f.name();
        return FigureView.of(name, f, proseUnit(f), p, comparisons(u, p), issuer,
                () -> unitsWithValue(f, p), communes().size());
    }

    FigureView view(String code, String label, String issuer, Period p) {
        return view(unit, code, label, issuer, p);
    }

    /** The communes where the figure has a value other than zero, in tree order: "07/13 xã, thị trấn (…)". */
    private List<FigureView.UnitItem> unitsWithValue(Figure f, Period p) {
        List<FigureView.UnitItem> out = new ArrayList<>();
        for (OrgUnit c : communes()) {
            FigureView v = view(c, f.code(), null, null, p);
            BigDecimal raw = v.rawValue();
            if (raw != null && raw.signum() != 0) {
                out.add(new FigureView.UnitItem(Printed.place(c), v.value()));
            }
        }
        return out;
    }
}
