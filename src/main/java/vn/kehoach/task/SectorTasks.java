package vn.kehoach.task;

import java.util.List;

/** The tasks of one sector, as Part 2 of the plan lists them ("1. Nông nghiệp và phát triển nông thôn"). */
public record SectorTasks(String sectorCode, String sectorName, List<PlanTask> tasks) {

    public SectorTasks {
        tasks = List.copyOf(tasks);
    }
}
