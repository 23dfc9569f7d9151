package vn.kehoach.entry;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an import of a data value set did, in the shape of DHIS2's import summary: the counts, and one conflict per
 * value that was not stored, naming it by its index in the request, its property and a DHIS2 error code (E7610
 * unknown element, E7611 bad period, E7612 unknown unit, E7619 wrong value type, E7632 wrong period type, E7633
 * element not in the form, E7642 form already submitted or approved).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportSummary(String responseType, Status status, Map<String, Object> importOptions,
                            String description, ImportCount importCount, List<Conflict> conflicts,
                            String dataSetComplete) {

    /** SUCCESS: everything stored; WARNING: some values refused; ERROR: nothing stored. */
    public enum Status {
        SUCCESS, WARNING, ERROR
    }

    /** How many values were created, changed, left as they were or refused, and removed. */
    public record ImportCount(int imported, int updated, int ignored, int deleted) {
    }

    /** One refused value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conflict(String object, Map<String, String> objects, String value, String errorCode,
                           String property, List<Integer> indexes) {
    }

    public ImportSummary {
        conflicts = List.copyOf(conflicts);
    }
}
