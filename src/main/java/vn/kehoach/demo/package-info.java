/**
 * The demo district, Hạ Lang (Cao Bằng), built from its 2022 plan: the CSV files of the catalog, units, values and
 * targets, loaded through the user's import, then {@link vn.kehoach.demo.DemoDistrictLoaded} so that each module
 * adds its own demo data (users, projects, documents…) in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"exchange", "audit"})
package vn.kehoach.demo;
