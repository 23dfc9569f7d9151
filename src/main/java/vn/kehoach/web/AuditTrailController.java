package vn.kehoach.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.kehoach.audit.Area;
import vn.kehoach.audit.AuditQuery;
import vn.kehoach.audit.AuditRecord;
import vn.kehoach.audit.AuditTrail;
import vn.kehoach.audit.Source;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Scopes;

/**
 * The audit trail page (nhật ký thay đổi): every change of a value, a target, an approval and of metadata (documents,
 * settings, catalog, forms, rules, org units, projects, tasks, users, tokens) in the user's subtree — who, when, from
 * where (page, API, import, command line, and the client's address), old and new — searchable by kind, unit, user,
 * period, code, channel, days and words, newest first. Each trail answers its part; this page merges them.
 */
@Controller
class AuditTrailController {

    /** The most changes one search shows. */
    static final int LIMIT = 500;

    private final ObjectProvider<AuditTrail> trails;
    private final Scopes scopes;
    private final OrgUnits orgUnits;

    AuditTrailController(ObjectProvider<AuditTrail> trails, Scopes scopes, OrgUnits orgUnits) {
        this.trails = trails;
        this.scopes = scopes;
        this.orgUnits = orgUnits;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String unit, @RequestParam(required = false) String user,
                 @RequestParam(required = false) String period, @RequestParam(required = false) String code,
                 @RequestParam(required = false) Source source, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) String q,
                 @RequestParam(required = false) Area area, Model model) {
        List<OrgUnit> units = scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList();
        model.addAttribute("units", units);
        model.addAttribute("sources", Source.values());
        model.addAttribute("areas", Area.values());
        OrgUnit root = unit == null || unit.isBlank() ? scopes.home() : scopes.visible(unit);
        List<String> errors = new ArrayList<>();
        LocalDate fromDay = day(from, "Từ ngày", errors);
        LocalDate toDay = day(to, "Đến ngày", errors);
        model.addAttribute("errors", errors);
        model.addAttribute("root", root);
        if (root == null) {
            model.addAttribute("records", List.of());
            return "web/audit";
        }
        AuditQuery query = new AuditQuery(root.path(), user, period, code, source, startOf(fromDay),
                toDay == null ? null : startOf(toDay.plusDays(1)), q, LIMIT, area);
        model.addAttribute("query", query);
        model.addAttribute("records", search(query));
        model.addAttribute("limit", LIMIT);
        return "web/audit";
    }

    /**
     * The same search as a CSV file for a spreadsheet ({@code /audit?format=csv}, {@code sep=semicolon} for Excel set to
     * Vietnamese): time (in the configured zone), user, channel, kind, action, unit, period, subject, old, new, note.
     */
    @GetMapping(value = "/audit", params = "format=csv")
    org.springframework.http.ResponseEntity<byte[]> auditCsv(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String user, @RequestParam(required = false) String period,
            @RequestParam(required = false) String code, @RequestParam(required = false) Source source,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String q, @RequestParam(required = false) Area area) {
        OrgUnit root = unit == null || unit.isBlank() ? scopes.home() : scopes.visible(unit);
        List<String> errors = new ArrayList<>();
        LocalDate fromDay = day(from, "Từ ngày", errors);
        LocalDate toDay = day(to, "Đến ngày", errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        List<AuditRecord> records = root == null ? List.of() : search(new AuditQuery(root.path(), user, period, code,
                source, startOf(fromDay), toDay == null ? null : startOf(toDay.plusDays(1)), q, LIMIT, area));
        List<List<?>> rows = records.stream().<List<?>>map(r -> java.util.Arrays.asList(Numbers.vi().dateTime(r.at()),
                r.username(), r.source() == null ? "" : r.source().name(), r.area(), r.action(), r.orgUnitCode(),
                r.orgUnitName(), r.period(), r.subjectCode(), r.subjectName(), r.oldValue(), r.newValue(), r.note(),
                r.clientAddress())).toList();
        return vn.kehoach.format.Csv.download(vn.kehoach.format.Csv.write(List.of("time", "user", "source", "area",
                "action", "org_unit", "org_unit_name", "period", "code", "subject", "old", "new", "note", "client"), rows),
                "nhat-ky.csv");
    }

    /**
     * Every module's changes matching the query, merged newest first. A trail of one area may not filter by area
     * itself; its records are kept or dropped here by the area they show.
     */
    List<AuditRecord> search(AuditQuery query) {
        return trails.orderedStream().flatMap(t -> t.search(query).stream())
                .filter(r -> query.area() == null || query.area().holds(r.area()))
                .sorted(Comparator.comparing(AuditRecord::at).reversed()).limit(query.limit()).toList();
    }

    /** The first moment of the day in Vietnamese time: the days a person searches are Vietnamese days. */
    static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Numbers.VIETNAM).toInstant();
    }

    private static LocalDate day(String text, String field, List<String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field + " '" + text + "' không phải là ngày (dạng 2021-07-10)");
            return null;
        }
    }
}
