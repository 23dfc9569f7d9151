package vn.kehoach.exchange.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Formula;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.Sector;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.exchange.ExportRequest.Content;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.target.Target;
import vn.kehoach.target.Targets;

/**
 * The rows of a package export, kind by kind, in the order an import needs them (parents before children, an
 * indicator after the indicators its formula uses), each row a map from column to text, number or flag. The
 * CSV, JSON and workbook writers all write these same rows, so the three formats hold the same package.
 */
@Component
public class PackageRows {

    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final DataValues dataValues;
    private final Targets targets;

    public PackageRows(Catalog catalog, OrgUnits orgUnits, DataValues dataValues, Targets targets) {
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.dataValues = dataValues;
        this.targets = targets;
    }

    /** The package of these subtrees (with their ancestors, so the tree can be rebuilt) for the period or all. */
    public Map<TableKind, List<Map<String, Object>>> rows(List<OrgUnit> roots, Period period, Set<Content> contents) {
        Map<TableKind, List<Map<String, Object>>> out = new EnumMap<>(TableKind.class);
        if (contents.contains(Content.CATALOG)) {
            out.put(TableKind.UNITS, catalog.units().stream().map(PackageRows::unit).toList());
            out.put(TableKind.SECTORS, catalog.sectors().stream().map(PackageRows::sector).toList());
            out.put(TableKind.ORG_UNITS, orgUnitRows(roots));
            out.put(TableKind.ELEMENTS, catalog.elements().stream().map(PackageRows::element).toList());
            out.put(TableKind.INDICATORS, dependencyOrder(catalog.indicators()).stream().map(PackageRows::indicator).toList());
        }
        if (contents.contains(Content.VALUES)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (OrgUnit root : roots) {
                dataValues.list(root, true, period, null).forEach(v -> rows.add(value(v)));
            }
            out.put(TableKind.VALUES, rows);
        }
        if (contents.contains(Content.TARGETS)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (OrgUnit root : roots) {
                targets.listInSubtree(root, period, null).forEach(t -> rows.add(target(t)));
            }
            out.put(TableKind.TARGETS, rows);
        }
        return out;
    }

    private List<Map<String, Object>> orgUnitRows(List<OrgUnit> roots) {
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OrgUnit root : roots) {
            List<OrgUnit> units = new ArrayList<>(orgUnits.ancestry(root));
            units.remove(units.size() - 1);
            units.addAll(orgUnits.subtree(root));
            for (OrgUnit u : units) {
                if (seen.add(u.code())) {
                    rows.add(orgUnit(u));
                }
            }
        }
        return rows;
    }

    /** Indicators ordered so that each comes after every indicator its formula names. */
    static List<Indicator> dependencyOrder(List<Indicator> indicators) {
        Map<String, Indicator> byCode = new LinkedHashMap<>();
        indicators.forEach(i -> byCode.put(i.code(), i));
        List<Indicator> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (out.size() < indicators.size()) {
            boolean progress = false;
            for (Indicator i : indicators) {
                if (placed.contains(i.code())) {
                    continue;
                }
                boolean ready = Formula.parse(i.formula()).variables().stream()
                        .allMatch(v -> !byCode.containsKey(v) || placed.contains(v) || v.equals(i.code()));
                if (ready) {
                    out.add(i);
                    placed.add(i.code());
                    progress = true;
                }
            }
            if (!progress) {
                indicators.stream().filter(i -> !placed.contains(i.code())).forEach(out::add);
                break;
            }
        }
        return out;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> unit(MeasureUnit u) {
        return row("code", u.code(), "name", u.name(), "symbol", u.symbol(), "dimension", u.dimension(),
                "factor", u.factor());
    }

    private static Map<String, Object> sector(Sector s) {
        return row("code", s.code(), "name", s.name(), "field", s.field(), "order", BigDecimal.valueOf(s.sortOrder()));
    }

    private static Map<String, Object> orgUnit(OrgUnit u) {
        return row("code", u.code(), "name", u.name(), "kind", u.kind().name(), "parent", u.parentCode(),
                "valid_from", u.validFrom() == null ? null : u.validFrom().toString(),
                "valid_to", u.validTo() == null ? null : u.validTo().toString());
    }

    private static Map<String, Object> element(DataElement e) {
        return row("code", e.code(), "name", e.name(), "unit", e.unitCode(), "value_type", e.valueType().name(),
                "tree_aggregation", e.treeAggregation().name(), "time_aggregation", e.timeAggregation().name(),
                "polarity", e.polarity().name(), "sector", e.sectorCode(), "agency", e.agencyCode(),
                "decimals", BigDecimal.valueOf(e.decimals()), "pct_decimals", BigDecimal.valueOf(e.pctDecimals()),
                "order", BigDecimal.valueOf(e.sortOrder()), "weight_element", e.weightElement(),
                "description", e.description(), "min_value", e.minValue(), "max_value", e.maxValue());
    }

    private static Map<String, Object> indicator(Indicator i) {
        return row("code", i.code(), "name", i.name(), "unit", i.unitCode(), "formula", i.formula(),
                "polarity", i.polarity().name(), "sector", i.sectorCode(), "decimals", BigDecimal.valueOf(i.decimals()),
                "pct_decimals", BigDecimal.valueOf(i.pctDecimals()), "missing", i.missing().name(),
                "order", BigDecimal.valueOf(i.sortOrder()), "description", i.description());
    }

    private static Map<String, Object> value(DataValue v) {
        return row("element", v.elementCode(), "org_unit", v.orgUnitCode(), "period", v.period().id(),
                "kind", v.kind().name(), "value", v.value(), "unit", null, "illustrative", v.illustrative(),
                "comment", v.comment(), "reported_on", vn.kehoach.datavalue.VintageDate.text(v.reportedAt()));
    }

    private static Map<String, Object> target(Target t) {
        return row("figure", t.figureCode(), "org_unit", t.orgUnitCode(), "period", t.period().id(),
                "issuer", t.issuer().name(), "direction", t.direction().name(), "basis", t.basis().name(),
                "value", t.value(), "value_high", t.valueHigh(), "unit", null, "status", t.status().name(),
                "decision", t.decision(), "wording", t.wording(), "illustrative", t.illustrative(), "note", t.note());
    }
}
