package vn.kehoach.exchange;

/**
 * How an import runs.
 *
 * @param atomic   true: every part of the import (each workbook, each JSON file, the CSV files together) is
 *                 stored in one transaction, all or nothing; false: each part is stored whole or not at all on
 *                 its own, so one commune's bad file does not hold back the others
 * @param mapping  the DHIS2 code mapping for dataValueSets files (identity when null)
 * @param maxBytes the largest file accepted; {@link ImportLimits#MAX_FILE_BYTES} unless the command line says more
 */
public record ImportOptions(boolean atomic, Dhis2Mapping mapping, long maxBytes) {

    public ImportOptions {
        mapping = mapping == null ? Dhis2Mapping.identity() : mapping;
        maxBytes = maxBytes <= 0 ? ImportLimits.MAX_FILE_BYTES : maxBytes;
    }

    public static ImportOptions perFile() {
        return new ImportOptions(false, null, 0);
    }

    public static ImportOptions allOrNothing() {
        return new ImportOptions(true, null, 0);
    }
}
