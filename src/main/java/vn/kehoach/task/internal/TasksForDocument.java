package vn.kehoach.task.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.kehoach.document.spi.PlanTaskLine;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.task.PlanTasks;
import vn.kehoach.task.TaskFilter;

/** The plan's tasks as Part 2 of the plan document lists them under each sector's text. */
@Component
class TasksForDocument implements vn.kehoach.document.spi.PlanTasks {

    private final PlanTasks tasks;

    TasksForDocument(PlanTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<PlanTaskLine> tasks(OrgUnit unit, int year) {
        return tasks.list(new TaskFilter(year, null, null, null, null)).stream()
                .filter(t -> unit.code().equals(t.ownerUnitCode()))
                .map(t -> new PlanTaskLine(t.sectorCode(), t.content(), t.lead() == null ? null : t.lead().name(),
                        t.deadline()))
                .toList();
    }
}
