package vn.kehoach.exchange;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.target.Targets;

/**
 * Everything a database holds that an exchange must carry, as sorted lines of text: every value with its comment,
 * kind and illustrative flag, every target with all its fields, the catalog and the org-unit tree. Two databases
 * hold the same when their snapshots are equal; ids, versions and who-changed-when are left out.
 */
record Snapshot(List<String> values, List<String> targets, List<String> catalog) {

    static Snapshot of(ApplicationContext ctx) {
        DataValues dataValues = ctx.getBean(DataValues.class);
        Targets targets = ctx.getBean(Targets.class);
        Catalog catalog = ctx.getBean(Catalog.class);
        OrgUnits orgUnits = ctx.getBean(OrgUnits.class);
        List<String> values = dataValues.list(null, true, null, null).stream()
                .map(v -> String.join("|", v.elementCode(), v.orgUnitCode(), v.period().id(), v.kind().name(),
                        Numbers.machine(v.value()), String.valueOf(v.comment()), String.valueOf(v.illustrative())))
                .sorted().toList();
        List<String> t = targets.list(null, null, null).stream().map(x -> String.join("|", x.figureCode(),
                        x.orgUnitCode(), x.period().id(), x.issuer().name(), x.direction().name(), x.basis().name(),
                        Numbers.machine(x.value()), Numbers.machine(x.valueHigh()), x.status().name(),
                        String.valueOf(x.decision()), String.valueOf(x.wording()), String.valueOf(x.note()),
                        String.valueOf(x.illustrative())))
                .sorted().toList();
        List<String> c = Stream.of(
                catalog.units().stream().map(u -> "unit|" + u.code() + "|" + u.name() + "|" + u.symbol() + "|"
                        + u.dimension() + "|" + Numbers.machine(u.factor())),
                catalog.sectors().stream().map(s -> "sector|" + s),
                catalog.elements().stream().map(e -> "element|" + e.code() + "|" + e.name() + "|" + e.unitCode() + "|"
                        + e.valueType() + "|" + e.treeAggregation() + "|" + e.timeAggregation() + "|" + e.weightElement()
                        + "|" + e.polarity() + "|" + e.sectorCode() + "|" + e.agencyCode() + "|" + e.decimals() + "|"
                        + e.pctDecimals() + "|" + e.sortOrder() + "|" + e.description()),
                catalog.indicators().stream().map(i -> "indicator|" + i.code() + "|" + i.name() + "|" + i.unitCode()
                        + "|" + i.formula() + "|" + i.polarity() + "|" + i.sectorCode() + "|" + i.decimals() + "|"
                        + i.pctDecimals() + "|" + i.missing() + "|" + i.sortOrder() + "|" + i.description()),
                orgUnits.all().stream().map(u -> "orgunit|" + u.code() + "|" + u.name() + "|" + u.kind() + "|"
                        + u.parentCode() + "|" + u.validFrom() + "|" + u.validTo() + "|" + u.level()))
                .flatMap(s -> s).sorted().toList();
        return new Snapshot(values, t, c);
    }

    /** The values without the illustrative flag, which DHIS2's format has no place for. */
    List<String> valuesWithoutIllustrative() {
        return values.stream().map(v -> v.substring(0, v.lastIndexOf('|'))).toList();
    }

    /** Rows of the tables an import writes, to show that a refused import changed nothing. */
    static String counts(JdbcClient jdbc) {
        StringBuilder s = new StringBuilder();
        for (String table : List.of("data_value", "data_value_audit", "target", "target_audit", "org_unit",
                "data_element", "indicator", "measure_unit", "sector", "period")) {
            s.append(table).append('=').append(jdbc.sql("select count(*) from " + table).query(Integer.class).single())
                    .append(' ');
        }
        return s.toString().strip();
    }
}
