package vn.kehoach.task;

import java.time.LocalDate;
import java.util.List;


import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import vn.kehoach.format.Csv;

/** A plan task as machines read it (CSV export, JSON, the command line); dates as yyyy-MM-dd. */
@JsonPropertyOrder({"id", "year", "sector", "sector_name", "reference", "content", "lead", "lead_name",
        "cooperators", "deadline", "status", "status_label", "overdue", "assignment_illustrative", "note"})
public record TaskRow(
        @JsonProperty("id") long id,
        @JsonProperty("year") int year,
        @JsonProperty("sector") String sector,
        @JsonProperty("sector_name") String sectorName,
        @JsonProperty("reference") String reference,
        @JsonProperty("content") String content,
        @JsonProperty("lead") String lead,
        @JsonProperty("lead_name") String leadName,
        @JsonProperty("cooperators") List<String> cooperators,
        @JsonProperty("deadline") LocalDate deadline,
        @JsonProperty("status") String status,
        @JsonProperty("status_label") String statusLabel,
        @JsonProperty("overdue") boolean overdue,
        @JsonProperty("assignment_illustrative") boolean assignmentIllustrative,
        @JsonProperty("note") String note) {

    public static final List<String> COLUMNS = List.of(TaskRow.class.getAnnotation(JsonPropertyOrder.class).value());

    /** The task as of the date that decides whether it is overdue. */
    public static TaskRow of(PlanTask t, LocalDate asOf) {
        return new TaskRow(t.id(), t.year(), t.sectorCode(), t.sectorName(), t.reference(), t.content(), t.lead().code(),
                t.lead().name(), t.cooperators().stream().map(UnitRef::code).toList(), t.deadline(), t.status().name(),
                t.status().label(), t.overdueAt(asOf), t.assignmentIllustrative(), t.note());
    }

    public static String csv(List<TaskRow> rows) {
        return Csv.write(COLUMNS, rows.stream().map(r -> java.util.Arrays.<Object>asList(r.id, r.year, r.sector,
                r.sectorName, r.reference, r.content, r.lead, r.leadName, String.join(";", r.cooperators), r.deadline,
                r.status, r.statusLabel, r.overdue, r.assignmentIllustrative, r.note)).toList());
    }
}
