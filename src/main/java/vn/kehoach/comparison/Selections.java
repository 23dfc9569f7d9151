package vn.kehoach.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import vn.kehoach.datavalue.DataValues;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;
import vn.kehoach.target.Targets;

/**
 * The one place that decides which unit and period a page opens on, so no page keeps a default of its own: the
 * unit asked for if the actor may see it, else the actor's own unit ({@link Scopes#home()}); the period asked for,
 * else the latest period with values in the unit's subtree ({@link DataValues#latestPeriod}), else the latest with
 * targets. A five-year page takes the five-year plan period that holds that period.
 */
@Service
public class Selections {

    private final Scopes scopes;
    private final Actors actors;
    private final OrgUnits orgUnits;
    private final DataValues dataValues;
    private final Targets targets;

    public Selections(Scopes scopes, Actors actors, OrgUnits orgUnits, DataValues dataValues, Targets targets) {
        this.scopes = scopes;
        this.actors = actors;
        this.orgUnits = orgUnits;
        this.dataValues = dataValues;
        this.targets = targets;
    }

    /** The units the actor may look at, in tree order: their own unit's subtree (every root's for the system). */
    public List<OrgUnit> units() {
        return scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList();
    }

    /** The actor's own unit when it is among the units, else the first of them; null when there is none. */
    public OrgUnit home(List<OrgUnit> units) {
        OrgUnit home = scopes.home();
        if (home != null && units.stream().anyMatch(u -> u.id() == home.id())) {
            return home;
        }
        return units.isEmpty() ? null : units.get(0);
    }

    /** The periods holding values or targets in the unit's subtree, latest first. */
    public List<Period> periods(OrgUnit unit) {
        TreeSet<Period> periods = new TreeSet<>(dataValues.periodsWithValues(unit));
        periods.addAll(targets.periodsWithTargets(unit));
        return List.copyOf(periods.descendingSet());
    }

    /**
     * The period a view of the unit opens on: the latest with values ({@link DataValues#latestPeriod}), else, for a
     * unit that has only planned so far, the latest period of its targets that is not a five-year one.
     */
    public Optional<Period> latestPeriod(OrgUnit unit) {
        return dataValues.latestPeriod(unit).or(() -> targets.periodsWithTargets(unit).stream()
                .filter(p -> p.type() != PeriodType.FIVE_YEARLY)
                .max(Comparator.comparing(Period::end).thenComparingInt(Period::months)));
    }

    /**
     * The five-year plan period a five-year view of the unit opens on: the one holding its latest period with data
     * (or targets), else the one of today.
     */
    public Period fiveYears(OrgUnit unit) {
        return latestPeriod(unit).map(p -> Period.containing(PeriodType.FIVE_YEARLY, p.end()))
                .or(() -> targets.periodsWithTargets(unit).stream().filter(p -> p.type() == PeriodType.FIVE_YEARLY)
                        .max(Comparator.naturalOrder()))
                .orElse(Period.containing(PeriodType.FIVE_YEARLY, LocalDate.now(vn.kehoach.format.Numbers.VIETNAM)));
    }

    /** {@link #choose(String, String, Predicate)} over every unit the actor may look at. */
    public Selection choose(String unitCode, String periodId) {
        return choose(unitCode, periodId, u -> true);
    }

    /**
     * The unit and period of a page, from what the request asked (either may be null or blank): an unknown code,
     * a unit outside the actor's scope or an unreadable period is named in {@code errors} and the default is taken
     * instead, so the page still shows something.
     */
    public Selection choose(String unitCode, String periodId, Predicate<OrgUnit> which) {
        List<OrgUnit> units = units().stream().filter(which).toList();
        List<String> errors = new ArrayList<>();
        OrgUnit unit = null;
        if (unitCode != null && !unitCode.isBlank()) {
            unit = orgUnits.find(unitCode.strip()).orElse(null);
            if (unit == null) {
                errors.add("Không có đơn vị mã '" + unitCode.strip() + "'");
            } else if (!actors.current().covers(unit)) {
                errors.add("Bạn chỉ được xem số liệu của " + actors.current().orgUnitName()
                        + " và các đơn vị trực thuộc, không được xem " + unit.name());
                unit = null;
            }
        }
        if (unit == null) {
            unit = home(units);
        }
        if (unit == null) {
            return new Selection(null, null, units, List.of(), errors);
        }
        Period period = null;
        if (periodId != null && !periodId.isBlank()) {
            try {
                period = Period.parse(periodId.strip());
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (period == null) {
            period = latestPeriod(unit).orElse(null);
        }
        return new Selection(unit, period, units, periods(unit), errors);
    }
}
