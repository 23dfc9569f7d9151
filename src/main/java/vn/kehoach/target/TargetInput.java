package vn.kehoach.target;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * A target as a person types it or a system sends it, every field as text, before it is read into a {@link Target}
 * ({@link Targets#read}) with each bad field named. The names are the {@link Target} record's, so a target read from
 * {@code GET /api/v1/targets} can be sent back; the CSV package's column names are accepted too.
 *
 * @param figureCode the data element or indicator
 * @param orgUnitCode the unit the target is for
 * @param period "2027", "2027S1"…
 * @param issuer who set it; when empty, the council of the unit's own level ({@link Issuer#defaultFor})
 * @param direction AT_LEAST (default), ABOVE, AT_MOST, BELOW, ABOUT, RANGE
 * @param basis LEVEL (default), CHANGE, GROWTH_PCT
 * @param value the number, read by the caller's number style
 * @param valueHigh the upper end of a RANGE
 * @param status ADOPTED (default), DRAFT or PROPOSED
 * @param decision the act that set it ("Nghị quyết số 31/2020/NQ-HĐND ngày 18/12/2020")
 */
public record TargetInput(@JsonAlias("figure") String figureCode,
                          @JsonAlias({"orgUnit", "org_unit"}) String orgUnitCode,
                          String period, String issuer, String direction, String basis, String value,
                          @JsonAlias("value_high") String valueHigh, String status, String decision, String wording,
                          String note, Boolean illustrative) {
}
