package vn.kehoach.comparison;

import java.util.List;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * What a page of figures shows and offers (đơn vị, kỳ): the unit and period chosen — those asked for, else the
 * actor's own unit and its latest period with data — the units and periods the page's chooser lists, and what was
 * wrong with the request, in Vietnamese. {@code unit} is null only when the actor sees no unit at all;
 * {@code period} is null when the unit has neither values nor targets.
 */
public record Selection(OrgUnit unit, Period period, List<OrgUnit> units, List<Period> periods, List<String> errors) {

    public Selection {
        units = List.copyOf(units);
        periods = List.copyOf(periods);
        errors = List.copyOf(errors);
    }
}
