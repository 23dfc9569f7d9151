/**
 * Moving data in and out (trao đổi dữ liệu): Excel templates that units fill in; imports of templates, the KeHoach
 * package (CSV, JSON, workbook), DHIS2 dataValueSets and zips of them, through the modules' own write paths and
 * within the user's scope, each part stored whole or not at all, previewed cell by cell, every error named by
 * file, sheet and cell (or line and column); exports of the package, of DHIS2 dataValueSets through a code mapping
 * and of SDMX-CSV for statistics offices, with text that could run as a spreadsheet formula neutralised.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "orgunit", "period", "datavalue", "target", "comparison", "format", "audit", "security", "dataset", "problem", "access", "validation"})
package vn.kehoach.exchange;
