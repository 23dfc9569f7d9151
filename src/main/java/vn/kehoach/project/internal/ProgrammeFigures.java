package vn.kehoach.project.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * Writes the figures the project register is the source of truth for, so that the comparison engine, the home page
 * and the plan document read the same numbers as the projects page: the disbursement of public investment
 * ({@value #DISBURSED}, against the year's capital plan) and the number of works handed over ({@value #HANDED_OVER}).
 *
 * <p>For a project's unit and plan year it stores the actual value of every month, quarter, half-year and of the year
 * that has something (the sum of what was paid, or handed over, in it), so that each report period reads its figure
 * directly and the comparison engine, which takes the longest stored periods first, finds the same sums whichever it
 * picks (nine months = the first half + the third quarter). Actual values of that element, unit and year stored for
 * other periods or entered by hand are removed: the register decides. Estimates (ước thực hiện) are left alone.
 * Every write goes through {@link DataValues}, so it is audited like any other. Skipped when the catalog has no such
 * element (a database without the standard catalog).
 */
@Component
public class ProgrammeFigures {

    public static final String DISBURSED = "PUBLIC_INVESTMENT_DISBURSED";
    public static final String HANDED_OVER = "WORKS_HANDED_OVER";
    static final String COMMENT = "Tổng hợp từ sổ theo dõi dự án đầu tư công";
    private static final Logger log = LoggerFactory.getLogger(ProgrammeFigures.class);

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final DataValues dataValues;

    public ProgrammeFigures(JdbcClient jdbc, Catalog catalog, DataValues dataValues) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.dataValues = dataValues;
    }

    /** Rewrites both figures of the unit for each of the years. */
    public void sync(OrgUnit owner, Collection<Integer> years, String user, Source source) {
        for (int year : new TreeSet<>(years)) {
            syncDisbursed(owner, year, user, source);
            syncHandedOver(owner, year, user, source);
        }
    }

    private void syncDisbursed(OrgUnit owner, int year, String user, Source source) {
        Optional<DataElement> element = catalog.findElement(DISBURSED);
        if (element.isEmpty() || catalog.findUnit(vn.kehoach.project.Projects.AMOUNT_UNIT).isEmpty()) {
            log.debug("no {} in the catalog: the register's disbursement is not written as a data value", DISBURSED);
            return;
        }
        Map<Integer, BigDecimal> byMonth = new HashMap<>();
        jdbc.sql("""
                        select extract(month from d.paid_on), sum(d.amount) from disbursement d
                          join project p on p.id = d.project_id
                         where p.owner_unit_id = :owner and d.plan_year = :year
                         group by extract(month from d.paid_on)""")
                .param("owner", owner.id()).param("year", year)
                .query((rs, i) -> byMonth.put(rs.getInt(1), rs.getBigDecimal(2))).list();
        Map<Integer, BigDecimal> converted = new HashMap<>();
        byMonth.forEach((m, v) -> converted.put(m, catalog.toFigureUnit(element.get(), v, vn.kehoach.project.Projects.AMOUNT_UNIT)));
        write(element.get(), owner, year, converted, user, source);
    }

    private void syncHandedOver(OrgUnit owner, int year, String user, Source source) {
        Optional<DataElement> element = catalog.findElement(HANDED_OVER);
        if (element.isEmpty()) {
            return;
        }
        Map<Integer, BigDecimal> byMonth = new HashMap<>();
        jdbc.sql("""
                        select extract(month from handed_over_on), count(*) from project
                         where owner_unit_id = :owner and handed_over_on >= :start and handed_over_on <= :end
                         group by extract(month from handed_over_on)""")
                .param("owner", owner.id()).param("start", java.time.LocalDate.of(year, 1, 1))
                .param("end", java.time.LocalDate.of(year, 12, 31))
                .query((rs, i) -> byMonth.put(rs.getInt(1), BigDecimal.valueOf(rs.getLong(2)))).list();
        write(element.get(), owner, year, byMonth, user, source);
    }

    private void write(DataElement element, OrgUnit owner, int year, Map<Integer, BigDecimal> byMonth, String user,
                       Source source) {
        Map<Period, BigDecimal> sums = new LinkedHashMap<>();
        for (Period p : standardPeriods(year)) {
            BigDecimal sum = BigDecimal.ZERO;
            for (var e : byMonth.entrySet()) {
                if (p.contains(Period.month(year, e.getKey()))) {
                    sum = sum.add(e.getValue());
                }
            }
            if (sum.signum() != 0) {
                sums.put(p, sum);
            }
        }
        for (DataValue v : dataValues.list(owner, false, null, element.code())) {
            if (v.kind() == ValueKind.ACTUAL && v.period().year() == year && !sums.containsKey(v.period())) {
                dataValues.delete(element.code(), owner.code(), v.period(), v.kind(), user, source);
            }
        }
        for (var e : sums.entrySet()) {
            dataValues.save(new DataValueWrite(element.code(), owner.code(), e.getKey(), ValueKind.ACTUAL, e.getValue(),
                    COMMENT, false, null), user, source);
        }
    }

    /** The months, quarters, halves and the year itself: every period a report reads directly. */
    private static List<Period> standardPeriods(int year) {
        List<Period> out = new ArrayList<>();
        out.add(Period.year(year));
        out.add(Period.half(year, 1));
        out.add(Period.half(year, 2));
        for (int q = 1; q <= 4; q++) {
            out.add(Period.quarter(year, q));
        }
        for (int m = 1; m <= 12; m++) {
            out.add(Period.month(year, m));
        }
        return out;
    }
}
