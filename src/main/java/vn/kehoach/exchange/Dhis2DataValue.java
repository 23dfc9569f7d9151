package vn.kehoach.exchange;

/**
 * One data value of DHIS2's {@code dataValueSets} format, as DHIS2 writes it: identifiers (UIDs or codes,
 * depending on the id scheme), the period in DHIS2's form (2021, 2021S1, 2021Q3, 202106) and the value as text.
 *
 * @param line the line of the file it was read from (0 when made in code), for error messages
 */
public record Dhis2DataValue(String dataElement, String period, String orgUnit, String categoryOptionCombo,
                             String attributeOptionCombo, String value, String storedBy, String created,
                             String lastUpdated, String comment, boolean followup, boolean deleted, long line) {
}
