package vn.kehoach.entry;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A data value set in DHIS2's JSON form, with codes as identifiers: the set's {@code dataSet}, {@code period} and
 * {@code orgUnit} apply to every value that does not name its own. {@code kind} (ACTUAL or ESTIMATE) is KeHoach's
 * own field, {@code categoryOptionCombo} DHIS2's for the same; without either a value takes the kind its form gives
 * the element, else ACTUAL. {@code reportedOn} (KeHoach's own) is the date the set's figures were reported or
 * published ("2021-07-30"), their vintage date; without it, when they are stored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataValueSet(String dataSet, String completeDate, String period, String orgUnit,
                           List<Value> dataValues, String reportedOn) {

    public DataValueSet {
        dataValues = dataValues == null ? List.of() : List.copyOf(dataValues);
    }

    /** A set whose values are reported when they are stored. */
    public DataValueSet(String dataSet, String completeDate, String period, String orgUnit, List<Value> dataValues) {
        this(dataSet, completeDate, period, orgUnit, dataValues, null);
    }

    /**
     * One value: element, period and unit codes, the value as text in machine form ("1492.9"), a comment, and its
     * kind, as KeHoach's {@code kind} or as DHIS2's {@code categoryOptionCombo} (ACTUAL, ESTIMATE, PRELIMINARY; DHIS2's
     * default combo or none: the form's kind, else ACTUAL), which KeHoach's DHIS2 export writes.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String dataElement, String period, String orgUnit, String value, String comment, String kind,
                        String storedBy, String lastUpdated, Boolean followup, String categoryOptionCombo) {

        public Value(String dataElement, String period, String orgUnit, String value, String comment, String kind,
                     String storedBy, String lastUpdated, Boolean followup) {
            this(dataElement, period, orgUnit, value, comment, kind, storedBy, lastUpdated, followup, null);
        }
    }
}
