package vn.kehoach.exchange;

import java.util.List;

/**
 * What became (or, in a preview, would become) of one part of an import: a workbook, a JSON file, or the CSV
 * files of a package together. A part is stored whole or not at all.
 *
 * @param name    the file, or "a.zip: các tệp CSV" for a package's CSV files
 * @param format  how it was read ("bảng tính Excel", "biểu mẫu nhập liệu", "CSV", "JSON", "DHIS2 JSON"…)
 * @param stored  true when its rows are in the database (never in a preview)
 * @param report  how many rows of each kind it holds, when it has no error
 * @param warnings values stored that break a validation rule of less than HIGH importance, each at its place (a
 *                 HIGH one is an error: the part is refused)
 */
public record ImportOutcome(String name, String format, boolean stored, ImportReport report, List<Change> changes,
                            List<ImportError> errors, List<ImportError> warnings) {

    public ImportOutcome {
        changes = List.copyOf(changes);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** An outcome without warnings. */
    public ImportOutcome(String name, String format, boolean stored, ImportReport report, List<Change> changes,
                         List<ImportError> errors) {
        this(name, format, stored, report, changes, errors, List.of());
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
