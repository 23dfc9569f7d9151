package vn.kehoach.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;


import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;

/**
 * A project with its figures of a plan year, as machines read it (CSV export, JSON, the command line): codes, dates
 * as yyyy-MM-dd, amounts in triệu đồng with a dot decimal, the rate rounded to one decimal as the plan prints it.
 */
@JsonPropertyOrder({"code", "name", "kind", "kind_label", "owner_unit", "places", "place_names", "status",
        "status_label", "handed_over_on", "year", "as_of", "allocated", "disbursed", "rate", "behind_schedule",
        "illustrative", "note"})
public record ProjectRow(
        @JsonProperty("code") String code,
        @JsonProperty("name") String name,
        @JsonProperty("kind") String kind,
        @JsonProperty("kind_label") String kindLabel,
        @JsonProperty("owner_unit") String ownerUnit,
        @JsonProperty("places") List<String> places,
        @JsonProperty("place_names") String placeNames,
        @JsonProperty("status") String status,
        @JsonProperty("status_label") String statusLabel,
        @JsonProperty("handed_over_on") LocalDate handedOverOn,
        @JsonProperty("year") Integer year,
        @JsonProperty("as_of") LocalDate asOf,
        @JsonProperty("allocated") BigDecimal allocated,
        @JsonProperty("disbursed") BigDecimal disbursed,
        @JsonProperty("rate") BigDecimal rate,
        @JsonProperty("behind_schedule") boolean behindSchedule,
        @JsonProperty("illustrative") boolean illustrative,
        @JsonProperty("note") String note) {

    public static final List<String> COLUMNS = List.of(ProjectRow.class.getAnnotation(JsonPropertyOrder.class).value());

    public static ProjectRow of(ProjectProgress p) {
        Project x = p.project();
        return new ProjectRow(x.code(), x.name(), x.kind().name(), x.kind().label(), x.ownerUnitCode(),
                x.places().stream().map(Place::code).toList(), x.placeNames(), x.status().name(), x.status().label(),
                x.handedOverOn(), p.year(), p.asOf(), p.allocated(), p.disbursed(),
                Numbers.normal(Numbers.round(p.rate(), 1)), p.behindSchedule(), x.illustrative(), x.note());
    }

    public static String csv(List<ProjectRow> rows) {
        return Csv.write(COLUMNS, rows.stream().map(r -> java.util.Arrays.<Object>asList(r.code, r.name, r.kind,
                r.kindLabel, r.ownerUnit, String.join(";", r.places), r.placeNames, r.status, r.statusLabel,
                r.handedOverOn, r.year, r.asOf, r.allocated, r.disbursed, r.rate, r.behindSchedule, r.illustrative,
                r.note)).toList());
    }
}
