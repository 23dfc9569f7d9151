package vn.kehoach.document.spi;

import java.util.List;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/** Dự án đầu tư công: a source of the projects that form 04 lists, one row each, and the works handed over. */
public interface InvestmentProjects {

    /**
     * The projects of the unit's subtree: capital allocated for the period's year and disbursed up to the period's
     * end, in tỷ đồng.
     */
    List<InvestmentLine> lines(OrgUnit unit, Period period);
}
