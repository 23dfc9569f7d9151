/**
 * The demo district, Hạ Lang (Cao Bằng), built from its 2022 plan: the CSV files of the catalog, units, values and
 * targets, loaded through the user's import, and its demo users (password "demo"), then
 * {@link vn.kehoach.demo.DemoDistrictLoaded} so that each module above the import path adds its own demo data
 * (projects, documents…) in the same transaction. Modules the import path depends on must not listen to it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"exchange", "audit", "orgunit", "security", "catalog"})
package vn.kehoach.demo;
