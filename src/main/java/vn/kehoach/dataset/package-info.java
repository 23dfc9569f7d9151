/**
 * Forms (biểu nhập liệu, DHIS2's data sets): which data elements a kind of unit reports, each as an actual or an
 * estimate and whether it is required, for which period type, and by which due date. Forms are data: the demo's
 * come from readable files, and the entry page, validation, approval and the data-value-set API all read them here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "orgunit", "period", "datavalue", "access", "audit"})
package vn.kehoach.dataset;
