package vn.kehoach.project.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.kehoach.document.spi.InvestmentLine;
import vn.kehoach.document.spi.InvestmentProjects;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.project.Project;
import vn.kehoach.project.ProjectFilter;
import vn.kehoach.project.ProjectProgress;
import vn.kehoach.project.Projects;

/**
 * The register's projects as the plan document lists them (form 04, the works handed over): those of the unit's
 * subtree, capital of the period's year and disbursement up to its end, in tỷ đồng.
 */
@Component
class ProjectsForDocument implements InvestmentProjects {

    private static final BigDecimal MILLIONS_PER_BILLION = BigDecimal.valueOf(1000);

    private final Projects projects;
    private final OrgUnits orgUnits;

    ProjectsForDocument(Projects projects, OrgUnits orgUnits) {
        this.projects = projects;
        this.orgUnits = orgUnits;
    }

    @Override
    public List<InvestmentLine> lines(OrgUnit unit, Period period) {
        List<Project> inUnit = projects.list(ProjectFilter.year(period.year())).stream()
                .filter(p -> within(unit, p)).toList();
        return projects.progress(inUnit, period.year(), period.end()).stream().map(this::line).toList();
    }

    private InvestmentLine line(ProjectProgress p) {
        return new InvestmentLine(p.project().name(), billions(p.allocated()), billions(p.disbursed()),
                p.project().handedOverOn(), null);
    }

    private boolean within(OrgUnit unit, Project p) {
        if (orgUnits.find(p.ownerUnitCode()).map(o -> o.path().startsWith(unit.path())).orElse(false)) {
            return true;
        }
        return p.places().stream().anyMatch(x -> orgUnits.find(x.code()).map(o -> o.path().startsWith(unit.path()))
                .orElse(false));
    }

    private static BigDecimal billions(BigDecimal millions) {
        return millions == null ? null : millions.divide(MILLIONS_PER_BILLION, MathContext.DECIMAL64);
    }
}
