/**
 * Data entry (nhập liệu): the grid of a form for a unit and period — Vietnamese numbers, a comment per value, the
 * previous period and the same period last year beside each cell, validation marks, a save per cell without
 * reloading, conflicts reported instead of overwritten — and the DHIS2-compatible data value set API
 * ({@code /api/v1/dataValueSets}) that other systems write and read through. Also the demo district's forms and
 * validation rules, loaded from readable files when the demo is.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"dataset", "datavalue", "validation",
        "approval", "catalog", "orgunit", "period", "format", "security", "audit", "demo", "target", "problem"})
package vn.kehoach.entry;
