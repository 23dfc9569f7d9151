package vn.kehoach.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.commons.csv.CSVRecord;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.kehoach.audit.Source;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.demo.DemoDistrictLoaded;
import vn.kehoach.project.Allocation;
import vn.kehoach.project.BudgetLine;
import vn.kehoach.project.BudgetLines;
import vn.kehoach.project.BudgetSide;
import vn.kehoach.project.CapitalSource;
import vn.kehoach.project.DisbursementDraft;
import vn.kehoach.project.ProjectDraft;
import vn.kehoach.project.ProjectKind;
import vn.kehoach.project.ProjectStatus;
import vn.kehoach.project.Projects;

/**
 * The demo district's projects and budget tree, from {@code demo/halang/projects/}: the 26 works of the seed's
 * footnote 2 with the 2021 capital and disbursement (totals from the seed, the split over works illustrative), and the
 * revenue and expenditure lines of the core demo's budget figures. Loading again updates in place.
 */
@Component
class DemoProjects {

    static final String FOLDER = DemoDistrict.FOLDER + "/projects/";

    private final Projects projects;
    private final BudgetLines budgetLines;

    DemoProjects(Projects projects, BudgetLines budgetLines) {
        this.projects = projects;
        this.budgetLines = budgetLines;
    }

    @EventListener
    void load(DemoDistrictLoaded event) {
        for (CSVRecord r : DemoCsv.read(FOLDER + "budget_lines.csv")) {
            budgetLines.save(new BudgetLine(r.get("figure"), BudgetSide.parse(r.get("side")), r.get("parent"),
                    r.get("label"), Integer.parseInt(r.get("order"))));
        }
        for (CSVRecord r : DemoCsv.read(FOLDER + "projects.csv")) {
            load(r, event.user());
        }
    }

    private void load(CSVRecord r, String user) {
        boolean illustrative = Boolean.parseBoolean(r.get("illustrative"));
        String code = r.get("code");
        var existing = projects.find(code);
        ProjectDraft draft = new ProjectDraft(code, r.get("name"), ProjectKind.parse(r.get("kind")),
                DemoDistrict.DISTRICT, Arrays.asList(r.get("places").split(";")), null, null,
                ProjectStatus.parse(r.get("status")), null, null, null, date(r.get("handed_over_on")), illustrative,
                r.get("note"), null);
        if (existing.isPresent()) {
            projects.update(code, draft, user, Source.IMPORT);
        } else {
            projects.create(draft, user, Source.IMPORT);
        }
        int year = Integer.parseInt(r.get("year"));
        CapitalSource source = CapitalSource.parse(r.get("source"));
        projects.allocate(new Allocation(code, year, source, new BigDecimal(r.get("allocated")),
                "Kế hoạch vốn đầu tư công năm " + year + " (phân chia theo công trình: minh họa)", illustrative),
                user, Source.IMPORT);
        BigDecimal disbursed = new BigDecimal(r.get("disbursed"));
        LocalDate on = date(r.get("disbursed_on"));
        boolean already = projects.disbursements(code, year).stream().anyMatch(d -> d.source() == source
                && d.paidOn().equals(on) && d.amount().compareTo(disbursed) == 0);
        if (!already && disbursed.signum() > 0) {
            projects.disburse(new DisbursementDraft(code, year, source, on, disbursed,
                    "Lũy kế giải ngân đến 30/6/2021 (báo cáo không ghi từng lần giải ngân)", illustrative),
                    user, Source.IMPORT);
        }
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }
}
