package vn.kehoach.task.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.demo.DemoDistrictLoaded;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;
import vn.kehoach.task.PlanTask;
import vn.kehoach.task.PlanTasks;
import vn.kehoach.task.TaskDraft;
import vn.kehoach.task.TaskFilter;
import vn.kehoach.task.TaskStatus;

/**
 * The demo district's tasks for 2022, from {@code demo/halang/tasks/tasks.csv}: Part 2, sections II.1–6 of the seed,
 * one task per line, with lead agencies chosen for the demo (the seed names none). With the demo users, two agency
 * accounts too ({@link #AGENCY_USERS}, password "demo"), so that an agency's view can be tried. Loading again updates
 * the tasks in place, matched by their reference.
 */
@Component
class DemoTasks {

    static final String FILE = DemoDistrict.FOLDER + "/tasks/tasks.csv";
    static final int YEAR = 2022;
    /** Username → the agency it reports for. */
    static final Map<String, String> AGENCY_USERS = Map.of("agency-nnptnt", "HL_NNPTNT", "agency-tnmt", "HL_TNMT");

    private final PlanTasks tasks;
    private final Users users;
    private final OrgUnits orgUnits;

    DemoTasks(PlanTasks tasks, Users users, OrgUnits orgUnits) {
        this.tasks = tasks;
        this.users = users;
        this.orgUnits = orgUnits;
    }

    @EventListener
    void load(DemoDistrictLoaded event) {
        Map<String, PlanTask> existing = tasks.list(new TaskFilter(YEAR, null, null, null, null)).stream()
                .filter(t -> t.reference() != null && t.ownerUnitCode().equals(DemoDistrict.DISTRICT))
                .collect(Collectors.toMap(PlanTask::reference, Function.identity(), (a, b) -> a));
        int order = 0;
        for (CSVRecord r : read()) {
            order += 10;
            String note = r.get("note").isBlank() ? null : r.get("note");
            List<String> cooperators = r.get("cooperators").isBlank() ? List.of()
                    : Arrays.asList(r.get("cooperators").split(";"));
            PlanTask old = existing.get(r.get("reference"));
            TaskDraft draft = new TaskDraft(DemoDistrict.DISTRICT, YEAR, r.get("sector"), r.get("reference"),
                    r.get("content"), r.get("lead"), cooperators, LocalDate.of(YEAR, 12, 31),
                    old == null ? TaskStatus.NOT_STARTED : old.status(), true, note, order, null);
            if (old == null) {
                tasks.create(draft, event.user());
            } else {
                tasks.update(old.id(), draft, event.user());
            }
        }
        if (event.withUsers()) {
            String hash = users.encode(DemoDistrict.DEMO_PASSWORD);
            AGENCY_USERS.forEach((username, agency) -> users.createOrResetDemoUser(username, hash,
                    "Cán bộ " + orgUnits.require(agency).name() + " (demo)", Set.of(Role.REPORTER), agency,
                    event.user()));
        }
    }

    private static List<CSVRecord> read() {
        try {
            String text = new ClassPathResource(FILE).getContentAsString(StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                    .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("không đọc được " + FILE, e);
        }
    }
}
