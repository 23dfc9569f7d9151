/**
 * Moving data in and out: the CSV package format (org units, units of measure, sectors, data elements,
 * indicators, data values, targets) that users import and that the demo district is written in. An import
 * is checked whole and stored whole or not at all; every error names the file, line and column.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "orgunit", "period", "datavalue", "target", "comparison", "format", "audit", "security"})
package vn.kehoach.exchange;
