package vn.kehoach.planning.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.kehoach.audit.Source;
import vn.kehoach.demo.DemoDistrictLoaded;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.planning.PlanningCycle;
import vn.kehoach.target.TargetInput;
import vn.kehoach.target.Targets;

/**
 * The demo's 2027 planning cycle (illustrative, every target marked so): Tỉnh Cao Bằng's guidance to its four
 * post-2025 communes, their proposals, sent, the province's own draft, its allocation and the adoption by the
 * council's resolution, from {@code demo/halang-timeline/plan-2027/}, step by step through {@link PlanningCycle} as an
 * officer would take them. Loaded once: a database where the province has already opened the cycle of the year keeps
 * it as it is (loading the demo again changes nothing of it), as the timeline's reorganisation is applied once.
 */
@Component
class DemoPlanningCycle {

    static final String FOLDER = "demo/halang-timeline/plan-2027/";

    private final PlanningCycle cycle;
    private final Targets targets;
    private final OrgUnits orgUnits;

    DemoPlanningCycle(PlanningCycle cycle, Targets targets, OrgUnits orgUnits) {
        this.cycle = cycle;
        this.targets = targets;
        this.orgUnits = orgUnits;
    }

    @EventListener
    void load(DemoDistrictLoaded event) {
        for (CSVRecord c : records("cycle.csv")) {
            String unit = c.get("unit");
            int year = Integer.parseInt(c.get("year"));
            if (cycle.find(orgUnits.require(unit), year).isPresent()) {
                continue;
            }
            load(unit, year, c, records("targets.csv"), event.user());
        }
    }

    private void load(String unit, int year, CSVRecord c, List<CSVRecord> rows, String user) {
        Map<String, Map<String, String>> proposals = new LinkedHashMap<>();
        List<CSVRecord> own = new ArrayList<>();
        List<CSVRecord> allocations = new ArrayList<>();
        for (CSVRecord r : rows) {
            switch (r.get("step")) {
                case "PROPOSE" -> proposals.computeIfAbsent(r.get("org_unit"), k -> new LinkedHashMap<>())
                        .put(r.get("figure"), r.get("value"));
                case "OWN" -> own.add(r);
                case "ALLOCATE" -> allocations.add(r);
                default -> throw new IllegalStateException(FOLDER + "targets.csv: step " + r.get("step"));
            }
        }
        cycle.open(unit, year, LocalDate.parse(c.get("deadline")), Arrays.asList(c.get("figures").split(";")),
                Boolean.parseBoolean(c.get("estimate")), user, Source.IMPORT);
        proposals.forEach((commune, cells) -> {
            cycle.propose(commune, year, cells, true, Numbers::parseMachine, user, Source.IMPORT);
            cycle.submit(commune, year, LocalDate.parse(c.get("sent_on")).atTime(9, 0).atZone(Numbers.VIETNAM)
                    .toInstant(), user, Source.IMPORT);
        });
        for (CSVRecord r : own) {
            targets.save(targets.read(new TargetInput(r.get("figure"), r.get("org_unit"), String.valueOf(year), null,
                    null, null, r.get("value"), null, "DRAFT", null, null, null, true), Numbers::parseMachine),
                    user, Source.IMPORT);
        }
        for (CSVRecord r : allocations) {
            cycle.allocate(r.get("org_unit"), r.get("figure"), year, r.get("value"), true, Numbers::parseMachine,
                    user, Source.IMPORT);
        }
        cycle.adopt(unit, year, c.get("resolution"), LocalDate.parse(c.get("adopted_on")), c.get("issuer"), user,
                Source.IMPORT);
    }

    private static List<CSVRecord> records(String file) {
        try (Reader in = new StringReader(new ClassPathResource(FOLDER + file)
                .getContentAsString(StandardCharsets.UTF_8))) {
            return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
