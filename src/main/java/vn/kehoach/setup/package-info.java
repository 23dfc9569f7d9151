/**
 * The first run (khởi tạo): on an empty database, the root org unit, the first administrator and a starter catalog
 * in one transaction, so that any province or commune can start from nothing without the demo. The starter catalog is
 * CSV files of the package format under {@code catalog/starter}, loaded through the user's CSV import.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"orgunit", "security", "exchange", "audit", "problem"})
package vn.kehoach.setup;
